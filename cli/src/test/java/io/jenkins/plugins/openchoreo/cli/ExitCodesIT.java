package io.jenkins.plugins.openchoreo.cli;

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
    private static final String IMAGE = "registry.example.com/greeter:1";

    @Test
    void anUnknownOptionIsAUsageError() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--imagee", IMAGE);

        assertFailed(run, 2, "Unknown options: '--imagee'");
        assertThat(run.stderr()).contains("Possible solutions: --image").contains("Hint: run 'openchoreo deploy --help'");
    }

    @Test
    void aMissingApiUrlIsAUsageError() {
        Map<String, String> env = SANDBOX.env();
        env.remove("OPENCHOREO_API_URL");

        assertFailed(PackagedCli.run(env, "deploy", "--image", IMAGE), 2, "The API URL is required");
    }

    @Test
    void aWrongSecretIsAnAuthenticationError() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env("OPENCHOREO_CLIENT_SECRET", "not-the-secret"),
                "deploy", "--image", IMAGE);

        assertFailed(run, 3, "refused the token request: invalid_client");
        assertThat(run.stderr()).contains("Check the credential's client id");
    }

    @Test
    void aForbiddenListIsAnAuthorizationError() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE);

        assertFailed(run, 4, "403");
        assertThat(run.stderr()).contains("workload-publisher role binding");
    }

    @Test
    void anUnknownComponentIsNotFound() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--component", "no-such-component",
                "--image", IMAGE);

        assertFailed(run, 5, "Referenced component not found");
        assertThat(run.stderr()).contains("Create the component in OpenChoreo first");
    }

    @Test
    void aWorkloadTheServerRejectsIsInvalid() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_CREATE).status(422));

        assertFailed(PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE), 6, "422");
    }

    @Test
    void aWorkloadOfAnotherComponentIsInvalid() {
        SANDBOX.sandbox.addComponent("default", SandboxUnderTest.PROJECT, "other");
        assertThat(PackagedCli.run(SANDBOX.env(), "deploy", "--component", "other", "--image", IMAGE).exitCode())
                .isZero();

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--workload-name", "other-workload",
                "--image", IMAGE);

        assertFailed(run, 6, "other-workload");
    }

    @Test
    void aServerThatKeepsAnswering503IsAServerError() {
        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(503).times(100));

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE, "--retries", "2");

        assertFailed(run, 7, "503");
        assertThat(run.stderr()).contains("retrying GET /api/v1/namespaces/default/workloads");
    }

    @Test
    void aRefusedConnectionIsAServerError() throws IOException {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env("OPENCHOREO_API_URL", "http://127.0.0.1:" + closedPort()),
                "deploy", "--image", IMAGE, "--retries", "1");

        assertFailed(run, 7, "connection refused");
        assertThat(run.stderr()).contains("Hint: The server could not be reached");
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

    private static void assertFailed(PackagedCli.Run run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.stderr()).as(run.toString()).contains("error: ").contains(message).contains("Hint: ");
        assertThat(run.stdout()).as("nothing on stdout in text mode").isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
