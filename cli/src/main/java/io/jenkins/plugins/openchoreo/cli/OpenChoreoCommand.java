package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.http.ProductVersion;
import picocli.CommandLine.Command;

/** The top command: {@code openchoreo deploy|promote|check|sandbox|demo} (subcommands added by {@link Main}). */
@Command(name = "openchoreo", mixinStandardHelpOptions = true, versionProvider = OpenChoreoCommand.Version.class,
        description = "Deploy container images to OpenChoreo from any CI: the engine of the Jenkins plugin, "
                + "from a shell.",
        footer = {"", "Exit codes:", "  0  success", "  1  unexpected error (a bug)", "  2  usage or configuration",
            "  3  authentication", "  4  authorization", "  5  not found", "  6  invalid or conflict",
            "  7  server or network"})
final class OpenChoreoCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"openchoreo " + ProductVersion.version()};
        }
    }
}
