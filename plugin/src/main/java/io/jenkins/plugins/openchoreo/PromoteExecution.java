package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.openchoreo.client.promote.PromoteRequest;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import io.jenkins.plugins.openchoreo.client.promote.Promoter;
import java.util.function.UnaryOperator;

/**
 * One promotion, the same for the Pipeline step and the post-build action: resolves the
 * arguments, the connection and the credential under the deploy's rules into one
 * {@link Resolved} value, runs the engine's promotion with its progress in the build log, and
 * reports (the log, the build-page action). Needs no workspace.
 */
final class PromoteExecution {

    private final Run<?, ?> run;
    private final EngineRun engine;

    /** @param expand the freestyle {@code ${VAR}} expansion, or identity for Pipeline (Groovy interpolates) */
    PromoteExecution(Run<?, ?> run, TaskListener listener, UnaryOperator<String> expand) {
        this.run = run;
        this.engine = new EngineRun(run, listener, expand);
    }

    /** @throws InterruptedException when the build was aborted while the promotion waited */
    PromoteResult promote(PromoteArguments args) throws AbortException, InterruptedException {
        return engine.call(() -> {
            // The request first: argument errors before any lookup.
            Resolved<PromoteRequest> promotion = engine.resolve(engine.arguments().promoteRequest(args, engine.log()),
                    args);
            PromoteResult result = new Promoter(promotion.settings(), promotion.credentials(),
                    OpenChoreoEngineHolder.engine(),
                    engine.log()).promote(promotion.request());
            engine.report(result.summary(), result.rollout(), result.portalUrl());
            run.addAction(new OpenChoreoPromoteAction(result));
            return result;
        });
    }
}
