package io.jenkins.plugins.openchoreo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A child process's output, read as it comes so that a full pipe never blocks the process: for
 * the CLI's tests (the packaged jar) and the docs' check (their shell blocks), from this module's
 * test jar. Each stream is read on a daemon thread of its own: the common pool may have one thread
 * on two cores, and a process that never ends must not keep the test JVM alive.
 */
public final class ProcessOutput {

    private ProcessOutput() {}

    /** The stream's whole text (UTF-8), once the process has closed it. */
    public static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ProcessOutput::daemon);
    }

    /** Runs the task on a daemon thread of its own. */
    public static void daemon(Runnable task) {
        Thread thread = new Thread(task, "process-output");
        thread.setDaemon(true);
        thread.start();
    }
}
