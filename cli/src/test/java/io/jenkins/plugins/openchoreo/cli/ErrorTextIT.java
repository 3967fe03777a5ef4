package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged jar prints for the mistakes a newcomer makes (issue 18, points 6, 7 and 12): the
 * error code the troubleshooting page is organised by, a hint for this kind of mistake in the CLI's
 * own terms, and a request id only where a request was made.
 */
class ErrorTextIT {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    @TempDir
    Path repo;

    private static PackagedCli.Run deploy(Map<String, String> env, String... args) {
        return PackagedCli.command(env, "deploy", args);
    }

    /** The one error line and the hint line of a failed run. */
    private static String[] errorAndHint(PackagedCli.Run run, int exitCode) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        String error = run.stderr().lines().filter(l -> l.startsWith("error")).findFirst().orElseThrow();
        String hint = run.stderr().lines().filter(l -> l.startsWith("Hint: ")).findFirst().orElseThrow();
        return new String[] {error, hint};
    }

    @Test
    void theErrorLineLeadsWithTheCodeOfTheTroubleshootingPage() {
        PackagedCli.Run run = deploy(SANDBOX.env(), "--component", "no-such-component", "--image",
                "registry.example.com/greeter:1");

        String[] shown = errorAndHint(run, 5);
        assertThat(shown[0]).startsWith("error [COMPONENT_NOT_FOUND]: ");
        // The same code as the JSON form carries.
        PackagedCli.Run json = deploy(SANDBOX.env(), "--component", "no-such-component", "--image",
                "registry.example.com/greeter:1", "-o", "json");
        assertThat(json.json().at("/error/code").asText()).isEqualTo("COMPONENT_NOT_FOUND");
    }

    @Test
    void anUppercaseImageGetsTheImageHintNotTheNamingRule() {
        String[] shown = errorAndHint(deploy(SANDBOX.env(), "--image", "registry.example.com/Greeter:1"), 2);

        assertThat(shown[0]).startsWith("error [INVALID_ARGUMENT]: The deploy has a problem:");
        assertThat(shown[1]).isEqualTo("Hint: Give the image as you pushed it: [registry[:port]/]path[:tag][@digest], "
                + "the path in lowercase, e.g. registry.example.com/team/app:1.2.3.").doesNotContain("DNS-1123");
    }

    @Test
    void aBadEndpointVisibilityGetsItsOwnHint() {
        PackagedCli.Run run = deploy(SANDBOX.env(), "--image", "registry.example.com/greeter:1", "--endpoints",
                "[{name: api, type: HTTP, port: 8080, visibility: [public]}]");

        String[] shown = errorAndHint(run, 2);
        assertThat(run.stderr())
                .contains("\"public\" is not allowed: use one of [project, namespace, internal, external]");
        assertThat(shown[1]).isEqualTo("Hint: An endpoint's visibility is a list of project, namespace, internal and "
                + "external (project is always implied), e.g. visibility: [external].");
    }

    @Test
    void aMissingDescriptorSaysWhereItWasLookedFor() throws IOException {
        Files.createDirectories(repo.resolve("app"));
        PackagedCli.Run run = deploy(SANDBOX.env(), "--image", "registry.example.com/greeter:1", "--repo-root",
                repo.toString(), "--descriptor", "app/workload.yaml");

        String[] shown = errorAndHint(run, 2);
        assertThat(shown[0]).startsWith("error [INVALID_DESCRIPTOR]: ");
        assertThat(run.stderr()).contains("file not found at " + repo.toRealPath().resolve("app/workload.yaml"));
        assertThat(shown[1]).contains("relative to the repository root").contains("--repo-root")
                .doesNotContain("fields listed above");
    }

    @Test
    void anApiUrlWithoutSchemeIsOnePlainSentence() {
        PackagedCli.Run run = deploy(SANDBOX.env("OPENCHOREO_API_URL", "127.0.0.1:18090"), "--image",
                "registry.example.com/greeter:1");

        String[] shown = errorAndHint(run, 2);
        assertThat(shown[0]).isEqualTo("error [INVALID_CONFIGURATION]: The API URL \"127.0.0.1:18090\" has no http:// "
                + "or https:// in front: write it as https://127.0.0.1:18090 (or http:// for a server without TLS)");
        assertThat(run.stderr()).doesNotContain("Illegal character").doesNotContain("scheme name");
    }

    @Test
    void aWrongSecretNamesTheVariablesNotAJenkinsCredential() {
        String[] shown = errorAndHint(deploy(SANDBOX.env("OPENCHOREO_CLIENT_SECRET", "not-the-secret"), "--image",
                "registry.example.com/greeter:1"), 3);

        assertThat(shown[0]).startsWith("error [TOKEN_INVALID_CLIENT]: ");
        assertThat(shown[1]).contains("OPENCHOREO_CLIENT_ID").contains("OPENCHOREO_CLIENT_SECRET")
                .doesNotContain("credential's").doesNotContain("username").doesNotContain("Jenkins");
    }

    @Test
    void aRefusedReadyTokenNamesOpenchoreoToken() {
        Map<String, String> env = SANDBOX.env();
        env.remove("OPENCHOREO_CLIENT_ID");
        env.remove("OPENCHOREO_CLIENT_SECRET");
        env.put("OPENCHOREO_TOKEN", "a-token-the-api-does-not-trust");

        PackagedCli.Run run = deploy(env, "--image", "registry.example.com/greeter:1");

        String[] shown = errorAndHint(run, 3);
        assertThat(shown[0]).startsWith("error [API_UNAUTHORIZED]: ");
        assertThat(shown[1]).isEqualTo("Hint: The API refused OPENCHOREO_TOKEN: it may have expired or come from an "
                + "issuer the API does not trust. Set a fresh OPENCHOREO_TOKEN, or set OPENCHOREO_CLIENT_ID and "
                + "OPENCHOREO_CLIENT_SECRET so the CLI fetches tokens itself.");
        assertThat(run.stderr()).doesNotContain("a-token-the-api-does-not-trust");
    }

    /** A request id only where a request was made: troubleshooting.md says so (point 12). */
    @Test
    void onlyAnErrorAfterARequestCarriesARequestId() {
        PackagedCli.Run before = deploy(SANDBOX.env(), "--image", "registry.example.com/Greeter:1", "-o", "json");
        JsonNode beforeError = before.json().path("error");
        assertThat(beforeError.path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(beforeError.path("requestId").isNull()).as(before.toString()).isTrue();
        assertThat(before.stderr()).doesNotContain("request id");
        assertThat(SANDBOX.sandbox.requests()).as("nothing was sent").isEmpty();

        SANDBOX.sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));
        PackagedCli.Run after = deploy(SANDBOX.env(), "--image", "registry.example.com/greeter:1", "-o", "json");
        String id = after.json().at("/error/requestId").asText();
        assertThat(id).isNotBlank();
        assertThat(after.stderr()).contains("[request id " + id + "]");
        assertThat(SANDBOX.sandbox.requests()).anyMatch(r -> r.route() == Route.WORKLOAD_LIST);
    }
}
