package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar ({@code cli/target/openchoreo-cli.jar}, passed by failsafe as
 * {@code openchoreo.cli.jar}) as a separate {@code java -jar} process, as a CI job would, with an
 * environment holding only the given {@code OPENCHOREO_*} variables (none from the developer's shell).
 */
final class PackagedCli {

    private static final long TIMEOUT_SECONDS = 90;

    private PackagedCli() {}

    static Path jar() {
        String configured = System.getProperty("openchoreo.cli.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "openchoreo-cli.jar");
        assertThat(jar).as("the packaged CLI (run the tests with ./mvnw verify)").isRegularFile();
        return jar;
    }

    /** The cli/openchoreo launcher script, which runs the jar with the archive. */
    static Path launcher() {
        return jar().toAbsolutePath().getParent().getParent().resolve("openchoreo");
    }

    /** {@code java -jar openchoreo-cli.jar args…} */
    static Run run(Map<String, String> env, String... args) {
        return java(env, List.of("-jar", jar().toString()), args);
    }

    /** {@code java -jar openchoreo-cli.jar subcommand args…} */
    static Run command(Map<String, String> env, String subcommand, String... args) {
        List<String> all = new ArrayList<>(List.of(subcommand));
        all.addAll(List.of(args));
        return run(env, all.toArray(String[]::new));
    }

    /** {@code java jvmOptions… args…}, with the test's JVM. */
    static Run java(Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of(args));
        return exec(env, command);
    }

    /** Any command, e.g. the launcher script. */
    static Run exec(Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENCHOREO_") || name.startsWith("JAVA_")
                || name.startsWith("JDK_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = ProcessOutput.drain(process.getInputStream());
            CompletableFuture<String> err = ProcessOutput.drain(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in "
                        + TIMEOUT_SECONDS + " s; stderr so far:\n" + err.getNow(""));
            }
            return new Run(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** What a run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + stdout, e);
            }
        }

        String both() {
            return stdout + "\n" + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
