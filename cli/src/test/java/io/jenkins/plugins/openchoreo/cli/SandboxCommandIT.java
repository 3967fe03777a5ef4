package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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

    /** Both clients, and the one that may follow rollouts takes a deploy through --wait (issue 18, point 4). */
    @Test
    void itPrintsBothClientsAndTheRolloutClientWaitsUntilReady() throws IOException, InterruptedException {
        Process sandbox = new ProcessBuilder("java", "-jar", PackagedCli.jar().toString(), "sandbox", "--port", "0",
                "--component", "default/shop/greeter").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = exports(sandbox);
            env.put("OPENCHOREO_CLIENT_ID", "sandbox-rollout-watcher");

            PackagedCli.Run run = PackagedCli.run(env, "deploy", "--project", "shop", "--component", "greeter",
                    "--image", "registry.example.com/greeter:1", "--wait", "--poll-interval", "1", "-o", "json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.json().path("ready").asBoolean()).as(run.toString()).isTrue();
            assertThat(run.json().path("environment").asText()).isEqualTo("development");
            assertThat(run.stderr()).doesNotContain("warning:");
        } finally {
            sandbox.destroy();
            sandbox.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDefaultPortIsNotJenkinsOwnAndBindingElsewhereWarns() throws IOException, InterruptedException {
        PackagedCli.Run help = PackagedCli.run(Map.of(), "sandbox", "--help");
        assertThat(help.stdout()).contains("--port=<port>").contains("(default 18090)").contains("--bind=ADDRESS");
        assertThat(SandboxCommand.DEFAULT_PORT).isNotEqualTo(8080);

        Process sandbox = new ProcessBuilder("java", "-jar", PackagedCli.jar().toString(), "sandbox", "--port", "0",
                "--bind", "0.0.0.0").start();
        try {
            StringBuilder printed = new StringBuilder();
            BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.startsWith("To try --wait");
                    line = out.readLine()) {
                printed.append(line).append('\n');
            }
            assertThat(printed).contains("Client id:      openchoreo-workload-publisher-client")
                    .contains("Client id:      sandbox-rollout-watcher").contains("API URL:        http://127.0.0.1:")
                    .contains("use this machine's address instead of 127.0.0.1");
            // Printed before the description, so it is there once the description was read.
            InputStream err = sandbox.getErrorStream();
            String warned = new String(err.readNBytes(err.available()), StandardCharsets.UTF_8);
            assertThat(warned).contains("warning: the sandbox listens on 0.0.0.0").contains("for tests only");
        } finally {
            sandbox.destroy();
            sandbox.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the "export NAME=value" lines the sandbox prints once it listens. */
    private static Map<String, String> exports(Process sandbox) throws IOException {
        Map<String, String> env = new HashMap<>();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
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
