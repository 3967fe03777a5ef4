package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
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
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One deploy, the same for the Pipeline step and the post-build action (http-request's
 * HttpRequestExecution pattern): global configuration plus the arguments, the credential looked
 * up for the run, the engine's deploy with its progress in the build log, and the build-page
 * action. Runs on the controller; the workspace, which may be on an agent, is read through
 * {@link FilePath}. Errors end the build with the engine's message and hint, no stack trace.
 */
final class DeployExecution {

    private static final Logger LOGGER = Logger.getLogger(DeployExecution.class.getName());

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
        return withEngine(args, (config, log, connect) -> {
            DeployRequest request = request(args, config, log); // argument errors first, before any lookup
            Engine engine = connect.open();
            if (request.descriptor() != null && workspace == null) {
                throw new AbortException(Messages.DeployExecution_noWorkspace(request.descriptor()));
            }
            DeployResult result = new Deployer(engine.settings(), engine.credentials(), TokenCache.shared(),
                    workspace == null ? null : new FilePathWorkspaceFiles(workspace), log).deploy(request);
            report(log, result.summary(), result.rollout(), result.portalUrl());
            String annotation = PortalLinks.jenkinsAnnotation(JobNames.forPortal(run.getParent()),
                    config.getInstanceName());
            announceJenkinsAnnotation(log, annotation);
            run.addAction(new OpenChoreoDeployAction(result, annotation));
            return result;
        });
    }

    /**
     * Runs engine work (a deploy, a promotion) the same way: the global configuration, the build
     * log, and, when the work asks for it after checking its arguments, the connection settings and
     * the credential under the rules of {@link #credentials}. The engine's errors end the build with
     * their message and hint, an abort stays an abort, anything else is reported as a bug.
     */
    <T> T withEngine(ConnectionArguments args, EngineWork<T> work) throws AbortException, InterruptedException {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        BuildLogListener log = new BuildLogListener(listener, masker);
        try {
            return work.run(config, log, () -> {
                String apiOverride = arg(args.getApiUrl());
                String tokenOverride = arg(args.getTokenUrl());
                ConnectionSettings settings = config.toConnectionSettings(apiOverride, tokenOverride,
                        arg(args.getPortalUrl()));
                return new Engine(settings, credentials(args, config, settings, apiOverride, tokenOverride));
            });
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
        } catch (RuntimeException e) {
            throw bug(e, masker);
        }
    }

    /** Where the engine goes and who it is: what {@link EngineWork} asks for once its arguments are fine. */
    record Engine(ConnectionSettings settings, Credentials credentials) {}

    /** A deploy or a promotion, given the configuration, the build log and a way to the engine. */
    @FunctionalInterface
    interface EngineWork<T> {
        T run(OpenChoreoGlobalConfiguration config, BuildLogListener log, Connector connect) throws AbortException;
    }

    /** Looks up the settings and the credential; throws {@link AbortException} when the rules refuse them. */
    @FunctionalInterface
    interface Connector {
        Engine open() throws AbortException;
    }

    /** The result's summary, the endpoints of its Ready release and the portal link, in the build log. */
    static void report(BuildLogListener log, String summary, RolloutResult rollout, String portalUrl) {
        log.println(summary);
        if (rollout != null) {
            for (EndpointUrl endpoint : rollout.endpoints()) {
                if (!endpoint.url().isEmpty()) {
                    log.println(Messages.DeployExecution_endpoint(endpoint.name(), endpoint.url()));
                }
            }
        }
        if (portalUrl != null) {
            log.println(Messages.DeployExecution_portal(portalUrl));
        }
    }

    /**
     * An exception nobody expected (a bug here or in the engine): one masked line in the build log
     * with a request to report it, and the masked stack trace in the Jenkins system log, never in
     * the build log.
     */
    static AbortException bug(RuntimeException e, SecretMasker masker) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            e.printStackTrace(writer);
        }
        // Logged as text, not as the Throwable: a message in the cause chain may hold a secret.
        LOGGER.log(Level.WARNING, "OpenChoreo deploy failed unexpectedly: {0}", masker.mask(trace.toString()));
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
        return new AbortException(masker.mask(BuildLogListener.PREFIX + Messages.DeployExecution_bug(message)));
    }

    /**
     * The credential for this run: folder credentials of the job count, the triggering user's
     * permissions are respected, and the use is recorded (fingerprint).
     *
     * <p>Where a secret goes is the job's choice only with the job's own credentials:
     * <ul>
     * <li>The lookup's domain requirements name every URL the secret is sent to (the token URL
     * when one is set, and the API URL), so a credential in a domain restricted to some hosts is
     * found only when both URLs are on them.</li>
     * <li>A deploy that overrides {@code apiUrl} or {@code tokenUrl} must name its credentials,
     * and they must not be the global default credentials: those are the administrator's and go
     * only to the configured URLs. (Being Global scope, they can be found by id from any job, so
     * naming their id explicitly must not be a way around the rule.)</li>
     * <li>With an {@code apiUrl} override, a client id and secret need an explicit {@code tokenUrl}
     * too. Without one the engine would discover the token endpoint from the overridden API, which
     * may advertise any host: the secret would go to a URL no domain requirement was checked
     * against. Refusing is simpler and safer than checking the domain after discovery (the engine
     * does discovery itself). A Secret text token is only ever sent to the API URL, so it needs
     * no token URL.</li>
     * </ul>
     */
    private Credentials credentials(ConnectionArguments args, OpenChoreoGlobalConfiguration config,
            ConnectionSettings settings, String apiOverride, String tokenOverride) throws AbortException {
        boolean urlOverridden = apiOverride != null || tokenOverride != null;
        String id = arg(args.getCredentialsId());
        if (id == null && urlOverridden) {
            throw new AbortException(Messages.DeployExecution_overrideNeedsCredentialsId());
        }
        String defaultId = Util.fixEmptyAndTrim(config.getCredentialsId());
        if (id == null) {
            id = defaultId;
        }
        if (id == null) {
            throw new AbortException(Messages.DeployExecution_noCredentialsId());
        }
        if (urlOverridden && id.equals(defaultId)) {
            throw new AbortException(Messages.DeployExecution_overrideWithDefaultCredentials(id));
        }
        StandardCredentials credential = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run,
                domainRequirements(settings.apiUrl().toString(),
                        settings.tokenUrl() == null ? null : settings.tokenUrl().toString()));
        if (credential == null) {
            throw new AbortException(Messages.Credentials_notFound(id));
        }
        // The id may have been a credentials parameter (${NAME}): compare what it resolved to as well.
        if (urlOverridden && credential.getId().equals(defaultId)) {
            throw new AbortException(Messages.DeployExecution_overrideWithDefaultCredentials(credential.getId()));
        }
        if (apiOverride != null && tokenOverride == null
                && credential instanceof StandardUsernamePasswordCredentials) {
            throw new AbortException(Messages.DeployExecution_apiOverrideNeedsTokenUrl());
        }
        Credentials credentials = EngineCredentials.from(credential, masker);
        if (credentials == null) {
            throw new AbortException(Messages.Credentials_wrongType(id, credential.getDescriptor().getDisplayName()));
        }
        CredentialsProvider.track(run, credential);
        return credentials;
    }

    /**
     * Domain requirements for every URL a secret is sent to. {@link URIRequirementBuilder#withUri}
     * replaces the previous URL's requirements, so each URL gets its own builder and the lists
     * are joined: a domain matches only if none of the requirements is refused by its
     * specifications ({@code Domain.test(List)}), i.e. only if every host is allowed.
     *
     * @param urls null entries are skipped
     */
    static List<DomainRequirement> domainRequirements(String... urls) {
        List<DomainRequirement> requirements = new ArrayList<>();
        for (String url : urls) {
            if (url != null) {
                requirements.addAll(URIRequirementBuilder.fromUri(url).build());
            }
        }
        return requirements;
    }

    private DeployRequest request(DeployArguments args, OpenChoreoGlobalConfiguration config, BuildLogListener log)
            throws AbortException {
        WaitOptions wait = null;
        if (args.isWait()) {
            wait = config.waitOptions(arg(args.getEnvironment()), arg(args.getWaitTimeout()), args.isStrictWait())
                    .withShowLogs(args.isShowLogs());
        } else if (arg(args.getEnvironment()) != null || arg(args.getWaitTimeout()) != null || args.isStrictWait()
                || args.isShowLogs()) {
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
                .mode(mode(arg(args.getMode())))
                .workflowRun(arg(args.getWorkflowRun()))
                .failOnWorkflowRunError(args.isFailOnWorkflowRunError())
                .dryRun(args.isDryRun())
                .waitOptions(wait)
                .build();
    }

    /**
     * The mode, read here and only here: the step and the action keep it as written (a freestyle
     * job may say {@code ${MODE}}), so a typo fails the build with this message, not the step's
     * instantiation with a stack trace.
     */
    static DeployMode mode(String value) throws AbortException {
        try {
            return DeployMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new AbortException(BuildLogListener.PREFIX + Messages.DeployExecution_invalidMode(value));
        }
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

    /** An argument as given, with the freestyle {@code ${VAR}} expansion; null when blank. */
    String arg(String value) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null ? null : Util.fixEmptyAndTrim(expand.apply(trimmed));
    }
}
