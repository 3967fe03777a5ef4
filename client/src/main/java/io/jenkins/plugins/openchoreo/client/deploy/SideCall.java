package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A call that needs nothing from the deploy's main line, run on its own thread beside it (the
 * WorkflowRun's GET beside the Workload list), so the two cost one round trip of wall time, not
 * two. Closing it cancels the call if nobody took its answer: its thread is interrupted, which
 * aborts the request in flight ({@link io.jenkins.plugins.openchoreo.client.http.Transport}).
 */
final class SideCall<T> implements AutoCloseable {

    // Daemon threads, made on demand and dropped when idle: a CLI exits without stopping them.
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "openchoreo-side-call");
        thread.setDaemon(true);
        return thread;
    });

    private final FutureTask<T> task;

    private SideCall(FutureTask<T> task) {
        this.task = task;
    }

    static <T> SideCall<T> start(Supplier<T> call) {
        FutureTask<T> task = new FutureTask<>(call::get);
        THREADS.execute(task);
        return new SideCall<>(task);
    }

    /**
     * Waits for the call's answer. Its exception is thrown as it was thrown; an interrupt of the
     * waiting thread (an aborted build) cancels the call and ends the deploy as {@link ErrorCode#ABORTED}.
     */
    T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(ErrorCode.ABORTED, "The deploy was interrupted", null, null, 0, e);
        } catch (CancellationException e) {
            throw new TransportException(ErrorCode.ABORTED, "The deploy was interrupted", null, null, 0, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cancels the call if it is still running: the main line ended first, or failed. */
    @Override
    public void close() {
        task.cancel(true);
    }
}
