package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.model.Executor;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.function.Function;

/**
 * What the deploy and promote post-build actions do alike: run only for a build that is fit to
 * ship (SUCCESS; UNSTABLE only when the job says so), and end an abort as ABORTED with one line.
 */
final class PublisherRuns {

    private PublisherRuns() {}

    /**
     * Whether the action runs for the build's result so far; prints why not.
     *
     * @param skipped the line for a result worse than UNSTABLE
     * @param skippedUnstable the line for UNSTABLE when {@code unstableToo} is off
     */
    static boolean proceed(Run<?, ?> run, TaskListener listener, boolean unstableToo, Function<Result, String> skipped,
            Function<Result, String> skippedUnstable) {
        Result result = run.getResult();
        if (result != null && result.isWorseThan(Result.UNSTABLE)) {
            listener.getLogger().println(BuildLogListener.PREFIX + skipped.apply(result));
            return false;
        }
        if (result != null && result.isWorseThan(Result.SUCCESS) && !unstableToo) {
            listener.getLogger().println(BuildLogListener.PREFIX + skippedUnstable.apply(result));
            return false;
        }
        return true;
    }

    /**
     * Aborted while waiting. Post-build actions run in AbstractBuild's performAllBuildSteps, which
     * turns any exception into FAILURE (and an InterruptedException into a stack trace): record
     * ABORTED and its cause here, and end with a one-line message instead.
     */
    static AbortException aborted(Run<?, ?> run, TaskListener listener, InterruptedException e) {
        Executor executor = Executor.currentExecutor();
        run.setResult(executor == null ? Result.ABORTED : executor.abortResult());
        if (executor != null) {
            executor.recordCauseOfInterruption(run, listener);
        }
        return new AbortException(BuildLogListener.PREFIX + e.getMessage());
    }
}
