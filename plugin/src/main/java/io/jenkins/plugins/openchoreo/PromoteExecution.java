package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.promote.PromoteRequest;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import io.jenkins.plugins.openchoreo.client.promote.Promoter;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.util.function.UnaryOperator;

/**
 * One promotion, the same for the Pipeline step and the post-build action: the arguments, the
 * connection and credential under the deploy's rules ({@link DeployExecution#withEngine}: the same
 * lookup, override checks and error handling), the engine's promotion with its progress in the
 * build log, and the build-page action. Needs no workspace.
 */
final class PromoteExecution {

    private final Run<?, ?> run;
    private final DeployExecution engine;

    /** @param expand the freestyle {@code ${VAR}} expansion, or identity for Pipeline (Groovy interpolates) */
    PromoteExecution(Run<?, ?> run, TaskListener listener, UnaryOperator<String> expand) {
        this.run = run;
        this.engine = new DeployExecution(run, null, listener, expand);
    }

    /** @throws InterruptedException when the build was aborted while the promotion waited */
    PromoteResult promote(PromoteArguments args) throws AbortException, InterruptedException {
        return engine.withEngine(args, (config, log, connect) -> {
            PromoteRequest request = request(args, config, log); // argument errors first, before any lookup
            DeployExecution.Engine target = connect.open();
            PromoteResult result = new Promoter(target.settings(), target.credentials(), TokenCache.shared(), log)
                    .promote(request);
            DeployExecution.report(log, result.summary(), result.rollout(), result.portalUrl());
            run.addAction(new OpenChoreoPromoteAction(result));
            return result;
        });
    }

    private PromoteRequest request(PromoteArguments args, OpenChoreoGlobalConfiguration config,
            BuildLogListener log) {
        String to = engine.arg(args.getTo());
        WaitOptions wait = null;
        if (args.isWait()) {
            // The environment followed is always the target.
            wait = config.waitOptions(to, engine.arg(args.getWaitTimeout()), args.isStrictWait())
                    .withShowLogs(args.isShowLogs());
        } else if (engine.arg(args.getWaitTimeout()) != null || args.isStrictWait() || args.isShowLogs()) {
            log.println(Messages.PromoteExecution_waitOptionsIgnored());
        }
        return PromoteRequest.builder(engine.arg(args.getComponent()), engine.arg(args.getFrom()), to)
                .namespace(config.namespaceOr(engine.arg(args.getNamespace())))
                .project(config.projectOr(engine.arg(args.getProject())))
                .release(engine.arg(args.getRelease()))
                .dryRun(args.isDryRun())
                .waitOptions(wait)
                .build();
    }
}
