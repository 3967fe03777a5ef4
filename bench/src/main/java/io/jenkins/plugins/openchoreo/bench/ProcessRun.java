package io.jenkins.plugins.openchoreo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished child process: exit code, merged output, wall time and when it was started. */
record ProcessRun(int exitCode, String output, double wallMillis, Instant startedAt) {

    private static final long TIMEOUT_SECONDS = 120;

    static ProcessRun run(List<String> command, Path directory, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        // The CLI reads OPENCHOREO_* variables: only those given here count, not the caller's.
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENCHOREO_"));
        builder.environment().putAll(environment);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            double wall = (System.nanoTime() - start) / 1e6;
            return new ProcessRun(process.exitValue(), new String(output, StandardCharsets.UTF_8), wall, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    /** Throws with the output when the process failed. */
    ProcessRun requireSuccess(String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exitCode + ":\n" + output);
        }
        return this;
    }

    /** The first line of the output, trimmed. */
    String firstLine() {
        return output.lines().findFirst().orElse("").trim();
    }
}
