package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;
import io.jenkins.plugins.openchoreo.client.http.ProductVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command line in-process, with an injected environment: fast checks of parsing, usage errors
 * and output shapes. The packaged jar is exercised by the *IT classes.
 */
class MainTest {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    @Test
    void versionNamesTheProduct() {
        Captured run = run(Map.of(), "--version");

        assertThat(run.code).isZero();
        assertThat(run.out).isEqualTo("openchoreo " + ProductVersion.version() + System.lineSeparator());
    }

    @Test
    void noCommandPrintsTheUsageWithTheExitCodes() {
        Captured run = run(Map.of());

        assertThat(run.code).isZero();
        assertThat(run.out).contains("deploy").contains("check").contains("sandbox").contains("demo");
        for (ErrorCategory category : ErrorCategory.values()) {
            assertThat(run.out).as("the footer lists the code of " + category)
                    .contains("  " + category.exitCode() + "  "
                            + category.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    @Test
    void aBadValueIsAUsageErrorWithAHintNotTheWholeHelp() {
        Captured run = run(Map.of(), "deploy", "--output", "yaml");

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).startsWith("error: Invalid value for option '--output'")
                .contains("Hint: run 'openchoreo deploy --help'").doesNotContain("Usage:");
    }

    @Test
    void theSecretComesFromTheInjectedEnvironment() {
        Captured run = run(Map.of("OPENCHOREO_CLIENT_SECRET", SANDBOX.client.secret()), "deploy",
                "--api-url", SANDBOX.sandbox.apiUrl().toString(), "--client-id", SANDBOX.client.clientId(),
                "--project", SandboxUnderTest.PROJECT, "--component", SandboxUnderTest.COMPONENT,
                "--image", "registry.example.com/greeter:1", "--quiet");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).startsWith("Created Workload default/greeter-workload");
        assertThat(run.err).isEmpty();
    }

    @Test
    void aClientIdWithoutASecretIsAUsageError() {
        Captured run = run(Map.of(), "check", "--api-url", "http://127.0.0.1:9", "--client-id", "ci");

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("The client secret is missing").contains("Hint: ");
    }

    @Test
    void resultLabelsLineUp() {
        Captured run = run(Map.of("OPENCHOREO_TOKEN", SANDBOX.sandbox.mintToken(SANDBOX.client.clientId())),
                "deploy", "--api-url", SANDBOX.sandbox.apiUrl().toString(), "--project", SandboxUnderTest.PROJECT,
                "--component", SandboxUnderTest.COMPONENT, "--image", "registry.example.com/greeter:2", "--dry-run",
                "--quiet");

        assertThat(run.code).as(run.err).isZero();
        List<String> labelled = run.out.lines().filter(l -> l.matches("  [a-z]+: +\\S.*")).toList();
        assertThat(labelled).as(run.out).hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(l -> assertThat(l).startsWith("  workload: default/greeter-workload"))
                .anySatisfy(l -> assertThat(l).startsWith("  mode:"));
        // Every value starts in the same column, whatever the label's length.
        assertThat(labelled.stream().map(l -> l.indexOf(l.substring(2).replaceFirst("^[a-z]+: +", ""), 2)).distinct())
                .as(run.out).hasSize(1);
    }

    @Test
    void aBusySandboxPortIsAUsageErrorNotABug() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Captured run = run(Map.of(), "sandbox", "--port", String.valueOf(busy.getLocalPort()));

            assertThat(run.code).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err).contains("Could not listen on 127.0.0.1:" + busy.getLocalPort())
                    .contains("Hint: Choose another --port");
        }
    }

    private static Captured run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Captured(code, out.toString(), err.toString());
    }

    private record Captured(int code, String out, String err) {}
}
