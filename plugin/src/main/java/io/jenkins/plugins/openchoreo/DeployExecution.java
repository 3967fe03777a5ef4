package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.deploy.PortalLinks;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.rollout.EndpointUrl;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.util.function.UnaryOperator;

/**
 * One deploy, the same for the Pipeline step and the post-build action (http-request's
 * HttpRequestExecution pattern): global configuration plus the arguments, the credential looked
 * up for the run, the engine's deploy with its progress in the build log, and the build-page
 * action. Runs on the controller; the workspace, which may be on an agent, is read through
 * {@link FilePath}. Errors end the build with the engine's message and hint, no stack trace.
 */
final class DeployExecution {

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final TaskListener listener;
    private final UnaryOperator<String> expand;
    private final SecretMasker masker = new SecretMasker();

    /**
     * @param workspace null outside a node (Pipeline): then a descriptor cannot be read
     * @param expand the freestyle {@code ${VAR}} expansion, or identity for Pipeline (Groovy interpolates)
     */
    DeployExecution(Run<?, ?> run, FilePath workspace, TaskListener listener, UnaryOperator<String> expand) {
        this.run = run;
        this.workspace = workspace;
        this.listener = listener;
        this.expand = expand;
    }

    /**
     * @throws InterruptedException when the build was aborted meanwhile (the engine stops waiting
     *     when its thread is interrupted, which is how Jenkins aborts both a Pipeline step running
     *     in a {@code SynchronousNonBlockingStepExecution} and a freestyle build)
     */
    DeployResult deploy(DeployArguments args) throws AbortException, InterruptedException {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        BuildLogListener log = new BuildLogListener(listener, masker);
        try {
            String apiOverride = arg(args.getApiUrl());
            String tokenOverride = arg(args.getTokenUrl());
            ConnectionSettings settings = config.toConnectionSettings(apiOverride, tokenOverride,
                    arg(args.getPortalUrl()));
            Credentials credentials = credentials(args, config, settings, apiOverride != null || tokenOverride != null);
            DeployRequest request = request(args, config, log);
            if (request.descriptor() != null && workspace == null) {
                throw new AbortException(Messages.DeployExecution_noWorkspace(request.descriptor()));
            }
            DeployResult result = new Deployer(settings, credentials, TokenCache.shared(),
                    workspace == null ? null : new FilePathWorkspaceFiles(workspace), log).deploy(request);
            log.println(result.summary());
            if (result.rollout() != null) {
                for (EndpointUrl endpoint : result.rollout().endpoints()) {
                    if (endpoint.url() != null) {
                        log.println(Messages.DeployExecution_endpoint(endpoint.name(), endpoint.url()));
                    }
                }
            }
            if (result.portalUrl() != null) {
                log.println(Messages.DeployExecution_portal(result.portalUrl()));
            }
            String annotation = PortalLinks.jenkinsAnnotation(JobNames.forPortal(run.getParent()),
                    config.getInstanceName());
            announceJenkinsAnnotation(log, annotation);
            run.addAction(new OpenChoreoDeployAction(result, annotation));
            return result;
        } catch (OpenChoreoException e) {
            if (e.code() == ErrorCode.ABORTED || Thread.currentThread().isInterrupted()) {
                Thread.interrupted(); // the flag is carried by the exception now
                InterruptedException interrupted = new InterruptedException(masker.mask(e.getMessage()));
                interrupted.initCause(e);
                throw interrupted;
            }
            throw new AbortException(masker.mask(BuildLogListener.PREFIX + e.describe()));
        } catch (IllegalArgumentException e) {
            throw new AbortException(masker.mask(BuildLogListener.PREFIX + e.getMessage()));
        }
    }

    /**
     * The credential for this run: folder credentials of the job count, the triggering user's
     * permissions are respected, and the use is recorded (fingerprint).
     */
    private Credentials credentials(DeployArguments args, OpenChoreoGlobalConfiguration config,
            ConnectionSettings settings, boolean urlOverridden) throws AbortException {
        String id = arg(args.getCredentialsId());
        if (id == null && urlOverridden) {
            // The default credential is the administrator's: it goes only to the configured URLs.
            // A job that points the deploy elsewhere names a credential it may use itself.
            throw new AbortException(Messages.DeployExecution_overrideNeedsCredentialsId());
        }
        if (id == null) {
            id = Util.fixEmptyAndTrim(config.getCredentialsId());
        }
        if (id == null) {
            throw new AbortException(Messages.DeployExecution_noCredentialsId());
        }
        StandardCredentials credential = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run,
                URIRequirementBuilder.fromUri(settings.apiUrl().toString()).build());
        if (credential == null) {
            throw new AbortException(Messages.Credentials_notFound(id));
        }
        Credentials credentials = EngineCredentials.from(credential, masker);
        if (credentials == null) {
            throw new AbortException(Messages.Credentials_wrongType(id, credential.getDescriptor().getDisplayName()));
        }
        CredentialsProvider.track(run, credential);
        return credentials;
    }

    private DeployRequest request(DeployArguments args, OpenChoreoGlobalConfiguration config, BuildLogListener log)
            throws AbortException {
        WaitOptions wait = null;
        if (args.isWait()) {
            wait = config.waitOptions(arg(args.getEnvironment()), arg(args.getWaitTimeout()), args.isStrictWait());
        } else if (arg(args.getEnvironment()) != null || arg(args.getWaitTimeout()) != null || args.isStrictWait()) {
            log.println(Messages.DeployExecution_waitOptionsIgnored());
        }
        return DeployRequest.builder(arg(args.getComponent()), arg(args.getImage()))
                .namespace(config.namespaceOr(arg(args.getNamespace())))
                .project(config.projectOr(arg(args.getProject())))
                .workloadName(arg(args.getWorkloadName()))
                .descriptor(arg(args.getDescriptorPath()))
                .env(KeyValueLines.list(arg(args.getEnv())))
                .endpoints(arg(args.getEndpoints()))
                .files(arg(args.getFiles()))
                .dependencies(arg(args.getDependencies()))
                .labels(KeyValueLines.map("labels", arg(args.getLabels())))
                .annotations(KeyValueLines.map("annotations", arg(args.getAnnotations())))
                .mode(DeployMode.parse(arg(args.getMode())))
                .workflowRun(arg(args.getWorkflowRun()))
                .failOnWorkflowRunError(args.isFailOnWorkflowRunError())
                .dryRun(args.isDryRun())
                .waitOptions(wait)
                .build();
    }

    /**
     * Once per build: the annotation that lets the portal's Jenkins tab find this job. Later
     * deploys of the same build find an action already there and stay quiet.
     */
    private void announceJenkinsAnnotation(BuildLogListener log, String annotation) {
        if (run.getActions(OpenChoreoDeployAction.class).isEmpty()) {
            log.println(Messages.DeployExecution_jenkinsAnnotation(annotation));
        }
    }

    private String arg(String value) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null ? null : Util.fixEmptyAndTrim(expand.apply(trimmed));
    }
}
