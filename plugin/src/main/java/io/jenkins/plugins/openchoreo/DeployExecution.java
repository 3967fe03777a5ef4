package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.deploy.PortalLinks;
import java.util.function.UnaryOperator;

/**
 * One deploy, the same for the Pipeline step and the post-build action: resolves the arguments,
 * the global configuration and the build's variables into one {@link Resolved} value (the
 * engine's request, the connection, the credential), runs the engine's deploy with its progress
 * in the build log, and reports (the log, the build-page action). Runs on the controller; the
 * workspace, which may be on an agent, is read through {@link FilePath}. Errors end the build
 * with the engine's message and hint, no stack trace ({@link EngineRun#call}).
 */
final class DeployExecution {

    /** Makes "first deploy of this run?" and "record this deploy" one step (parallel branches deploy at once). */
    private static final Object ACTIONS = new Object();

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final EngineRun engine;

    /**
     * @param workspace null outside a node (Pipeline): then a descriptor cannot be read
     * @param expand the freestyle {@code ${VAR}} expansion, or identity for Pipeline (Groovy interpolates)
     */
    DeployExecution(Run<?, ?> run, FilePath workspace, TaskListener listener, UnaryOperator<String> expand) {
        this.run = run;
        this.workspace = workspace;
        this.engine = new EngineRun(run, listener, expand);
    }

    /** @throws InterruptedException when the build was aborted meanwhile */
    DeployResult deploy(DeployArguments args) throws AbortException, InterruptedException {
        return engine.call(() -> {
            // The request first: argument errors before any lookup.
            Resolved<DeployRequest> deploy = engine.resolve(engine.arguments().deployRequest(args, engine.log()), args);
            if (deploy.request().descriptor() != null && workspace == null) {
                throw new AbortException(Messages.DeployExecution_noWorkspace(deploy.request().descriptor()));
            }
            DeployResult result = new Deployer(deploy.settings(), deploy.credentials(), OpenChoreoEngineHolder.engine(),
                    workspace == null ? null : new FilePathWorkspaceFiles(workspace), engine.log())
                    .deploy(deploy.request());
            engine.report(result.summary(), result.rollout(), result.target().portalUrl());
            String annotation = PortalLinks.jenkinsAnnotation(JobNames.forPortal(run.getParent()),
                    engine.config().getInstanceName());
            if (recordFirst(new OpenChoreoDeployAction(result, annotation))) {
                // Once per build: later deploys of the same build find an action already there.
                engine.log().println(Messages.DeployExecution_jenkinsAnnotation(annotation));
            }
            return result;
        });
    }

    /**
     * Adds the deploy's build-page action, and says whether it is the run's first: the check and
     * the add are one step, so parallel deploys of one build print the portal hint once
     * ({@code Actionable} has no add-if-absent).
     */
    private boolean recordFirst(OpenChoreoDeployAction action) {
        synchronized (ACTIONS) {
            boolean first = run.getActions(OpenChoreoDeployAction.class).isEmpty();
            run.addAction(action);
            return first;
        }
    }
}
