package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code openchoreo sandbox} as a process: the exports it prints are enough for a deploy from another process. */
class SandboxCommandIT {

    @Test
    void theExportedSettingsDeployToTheRunningSandbox() throws IOException, InterruptedException {
        Process sandbox = new ProcessBuilder("java", "-jar", PackagedCli.jar().toString(), "sandbox", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = exports(sandbox);
            assertThat(env).containsKeys("OPENCHOREO_API_URL", "OPENCHOREO_CLIENT_ID", "OPENCHOREO_CLIENT_SECRET");

            PackagedCli.Run run = PackagedCli.run(env, "deploy", "--component", "greeter", "--image",
                    "registry.example.com/greeter:1", "-o", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.json().path("outcome").asText()).isEqualTo("created");
        } finally {
            sandbox.destroy();
            sandbox.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the "export NAME=value" lines the sandbox prints once it listens. */
    private static Map<String, String> exports(Process sandbox) throws IOException {
        Map<String, String> env = new HashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("export ")) {
                String[] pair = trimmed.substring("export ".length()).split("=", 2);
                env.put(pair[0], pair[1]);
                if (pair[0].equals("OPENCHOREO_CLIENT_SECRET")) {
                    break;
                }
            }
        }
        return env;
    }
}
