package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.promote.PromoteRequest;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import io.jenkins.plugins.openchoreo.client.promote.Promoter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openchoreo promote}: the Jenkins step's promotion, from a shell. */
@Command(name = "promote", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Promote the release a component runs in one environment to the next one of its "
                + "project's deployment pipeline.")
final class PromoteCommand extends EngineCommand {

    @Mixin
    ComponentOptions target;

    @Option(names = "--from", defaultValue = "${env:OPENCHOREO_FROM}",
            description = "Environment whose bound release is promoted, e.g. development (env OPENCHOREO_FROM).")
    String from;

    @Option(names = "--to", defaultValue = "${env:OPENCHOREO_TO}",
            description = "Environment to promote to, e.g. staging; the pipeline must have the path --from → --to "
                    + "(env OPENCHOREO_TO).")
    String to;

    @Option(names = "--release", defaultValue = "${env:OPENCHOREO_RELEASE}",
            description = "ComponentRelease to promote instead of the one bound in --from (env OPENCHOREO_RELEASE).")
    String release;

    @Option(names = "--dry-run", description = "Read and check, print the ReleaseBinding that would be written, "
            + "write nothing.")
    boolean dryRun;

    @Mixin
    WaitArguments waiting;

    @Override
    Integer run() {
        Output output = newOutput();
        Credentials credentials = credentials();
        PromoteRequest request = PromoteRequest.builder(target.component, from, to).namespace(target.namespace)
                .project(target.project).release(release).dryRun(dryRun).waitOptions(waiting.options(to)).build();
        PromoteResult result = new Promoter(connection.settings(), credentials, engine(), output)
                .promote(request);
        output.result(Texts.result(result), result.toJson());
        return ExitCodes.OK;
    }
}
