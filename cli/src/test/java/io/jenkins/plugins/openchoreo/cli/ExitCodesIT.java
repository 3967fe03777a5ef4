package io.jenkins.plugins.openchoreo.cli;

import static io.jenkins.plugins.openchoreo.cli.SandboxUnderTest.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each error class from the packaged jar: its documented exit code, and a message with a hint on stderr. */
class ExitCodesIT {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    @Test
    void anUnknownOptionIsAUsageError() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--imagee", IMAGE);

        assertFailed(run, 2, "Unknown options: '--imagee'");
        assertThat(run.stderr()).contains("Possible solutions: --image")
                .contains("Hint: run 'openchoreo deploy --help'");
    }

    @Test
    void aMissingApiUrlIsAUsageError() {
        Map<String, String> env = SANDBOX.env();
        env.remove("OPENCHOREO_API_URL");

        assertFailed(PackagedCli.run(env, "deploy", "--image", IMAGE), 2,
                "[INVALID_CONFIGURATION]: The API URL is required");
    }

    @Test
    void aWrongSecretIsAnAuthenticationError() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env("OPENCHOREO_CLIENT_SECRET", "not-the-secret"),
                "deploy", "--image", IMAGE);

        assertFailed(run, 3, "[TOKEN_INVALID_CLIENT]: ", "refused the token request: invalid_client");
        assertThat(run.stderr())
                .contains("Hint: The identity provider does not accept this client id and client secret: "
                        + "check OPENCHOREO_CLIENT_ID (or --client-id) and OPENCHOREO_CLIENT_SECRET")
                .doesNotContain("credential's");
    }

    @Test
    void aForbiddenListIsAnAuthorizationError() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE);

        assertFailed(run, 4, "[API_FORBIDDEN]: ", "403", "workload-publisher role binding");
    }

    @Test
    void anUnknownComponentIsNotFound() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--component", "no-such-component",
                "--image", IMAGE);

        assertFailed(run, 5, "[COMPONENT_NOT_FOUND]: ",
                "Referenced component not found", "Create the component in OpenChoreo first");
    }

    @Test
    void aWorkloadTheServerRejectsIsInvalid() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_CREATE).status(422));

        assertFailed(PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE), 6, "[API_INVALID]: ");
    }

    @Test
    void aWorkloadOfAnotherComponentIsInvalid() {
        SANDBOX.sandbox.addComponent("default", SandboxUnderTest.PROJECT, "other");
        assertThat(PackagedCli.run(SANDBOX.env(), "deploy", "--component", "other", "--image", IMAGE).exitCode())
                .isZero();

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--workload-name", "other-workload",
                "--image", IMAGE);

        assertFailed(run, 6, "[OWNER_MISMATCH]: ");
        assertThat(run.stderr()).contains("other-workload");
    }

    @Test
    void aServerThatKeepsAnswering503IsAServerError() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(503).times(100));

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE, "--retries", "2");

        assertFailed(run, 7, "[API_SERVER_ERROR]: ", "503", "retrying GET /api/v1/namespaces/default/workloads");
    }

    @Test
    void aRefusedConnectionIsAServerError() throws IOException {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env("OPENCHOREO_API_URL", "http://127.0.0.1:" + closedPort()),
                "deploy", "--image", IMAGE, "--retries", "1");

        assertFailed(run, 7, "[TRANSPORT_CONNECT]: ", "connection refused", "Hint: The server could not be reached");
    }

    @Test
    void errorsAsJsonCarryCodeCategoryExitCodeAndHint() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE, "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        JsonNode error = run.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("API_FORBIDDEN");
        assertThat(error.path("category").asText()).isEqualTo("AUTHORIZATION");
        assertThat(error.path("exitCode").asInt()).isEqualTo(4);
        assertThat(error.path("hint").asText()).contains("workload-publisher");
        assertThat(error.path("requestId").asText()).isNotBlank();
    }

    /**
     * The exit code, one error line and a hint on stderr, nothing on stdout. An error of the catalog
     * shows its code ({@code error [CODE]: …}, the troubleshooting page's keys); a mistyped option has none.
     * The {@code details} are on stderr too.
     */
    private static void assertFailed(PackagedCli.Run run, int exitCode, String message, String... details) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.stderr()).as(run.toString()).contains(message.startsWith("[") ? "error " + message
                : "error: " + message).contains("Hint: ");
        assertThat(run.stdout()).as("nothing on stdout in text mode").isEmpty();
        for (String detail : details) {
            assertThat(run.stderr()).contains(detail);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
