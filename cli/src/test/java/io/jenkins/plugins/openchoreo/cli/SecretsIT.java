package io.jenkins.plugins.openchoreo.cli;

import static io.jenkins.plugins.openchoreo.cli.SandboxUnderTest.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** With --verbose, no secret shows on stdout or stderr; and secrets are never taken as arguments. */
class SecretsIT {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    @Test
    void aVerboseDeployWithClientCredentialsShowsNoSecret() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", IMAGE, "--verbose");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).as("--verbose shows the calls").contains("POST /idp/oauth2/token");
        assertNoSecret(run, SANDBOX.client.secret());
    }

    @Test
    void aVerboseDeployWithATokenShowsNoToken() {
        String token = SANDBOX.sandbox.mintToken(SANDBOX.client.clientId());
        Map<String, String> env = SANDBOX.env();
        env.remove("OPENCHOREO_CLIENT_ID");
        env.remove("OPENCHOREO_CLIENT_SECRET");
        env.put("OPENCHOREO_TOKEN", token);

        PackagedCli.Run run = PackagedCli.run(env, "deploy", "--image", IMAGE, "--verbose", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertNoSecret(run, token);
    }

    @Test
    void aFailingVerboseDeployShowsNeitherTheWrongSecretNorTheServersEcho() {
        String wrong = "wrong+secret/with=chars";
        SANDBOX.sandbox.faults().add(Fault.on(Route.TOKEN).status(400)
                .body("application/json", "{\"error\":\"invalid_client\",\"error_description\":\"client_secret="
                        + wrong + " is wrong\"}")
                .times(10));

        PackagedCli.Run run = PackagedCli.run(SANDBOX.env("OPENCHOREO_CLIENT_SECRET", wrong), "deploy", "--image",
                IMAGE, "--verbose", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertNoSecret(run, wrong);
    }

    @Test
    void theSecretMayComeFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), SANDBOX.client.secret() + "\n");
        Map<String, String> env = SANDBOX.env();
        env.remove("OPENCHOREO_CLIENT_SECRET");

        PackagedCli.Run run = PackagedCli.run(env, "deploy", "--image", IMAGE, "--client-secret-file",
                file.toString(), "--verbose");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertNoSecret(run, SANDBOX.client.secret());
    }

    @Test
    void aSecretPassedAsAnArgumentIsRefusedWithoutEchoingIt() {
        for (String[] args : new String[][] {
            {"deploy", "--client-secret=an-argument-secret", "--image", IMAGE},
            {"deploy", "--token", "an-argument-secret", "--image", IMAGE},
        }) {
            PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), args);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.stderr()).contains("secrets are never taken as arguments").contains("Hint: ");
            assertNoSecret(run, "an-argument-secret");
        }
    }

    @Test
    void noCredentialsIsAUsageErrorNamingTheVariables() {
        Map<String, String> env = SANDBOX.env();
        env.remove("OPENCHOREO_CLIENT_SECRET");

        PackagedCli.Run run = PackagedCli.run(env, "deploy", "--image", IMAGE);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("OPENCHOREO_CLIENT_SECRET").contains("Hint: ");
    }

    private static void assertNoSecret(PackagedCli.Run run, String secret) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(run.both()).as(run.toString()).doesNotContain(secret).doesNotContain(encoded)
                .doesNotContain(base64);
    }
}
