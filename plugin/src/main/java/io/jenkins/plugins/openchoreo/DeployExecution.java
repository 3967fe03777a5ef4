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
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.deploy.PortalLinks;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.rollout.EndpointUrl;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
    /** Makes "first deploy of this run?" and "record this deploy" one step (parallel branches deploy at once). */
    private static final Object ACTIONS = new Object();

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
            if (recordFirst(new OpenChoreoDeployAction(result, annotation))) {
                // Once per build: later deploys of the same build find an action already there.
                log.println(Messages.DeployExecution_jenkinsAnnotation(annotation));
            }
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
                return credentials(args, config, settings, apiOverride, tokenOverride, log);
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
     * <p>The configured {@code credentialsId} is handed to the credentials plugin as written, never
     * expanded here: {@code ${NAME}} of a credentials parameter is resolved by
     * {@code CredentialsProvider.findCredentialById}, which checks that the user who started the
     * build may use the credential (Credentials/UseItem or UseOwn). Expanding it first made the id
     * look like a fixed one, looked up with the job's authority: anyone with Item/Build could name
     * any global credential.
     *
     * <p>Where a secret goes is the job's choice only with the job's own credentials:
     * <ul>
     * <li>The lookup's domain requirements name every URL the secret is sent to: the API URL, and
     * for a client id and secret the token URL, the configured one or, when none is configured,
     * the one discovery finds. Discovery needs no secret, so it runs first and the credential is
     * looked up again against what it found; the deploy then uses exactly that token URL.</li>
     * <li>A deploy that overrides {@code apiUrl} or {@code tokenUrl} must name its credentials,
     * and they must not be the global default credentials: those are the administrator's and go
     * only to the configured URLs. (Being Global scope, they can be found by id from any job, so
     * naming their id explicitly must not be a way around the rule.)</li>
     * <li>With an {@code apiUrl} override, a client id and secret need an explicit {@code tokenUrl}
     * too: an overridden API may advertise any token endpoint. A Secret text token is only ever
     * sent to the API URL, so it needs no token URL.</li>
     * </ul>
     */
    private Engine credentials(ConnectionArguments args, OpenChoreoGlobalConfiguration config,
            ConnectionSettings settings, String apiOverride, String tokenOverride, CallObserver observer)
            throws AbortException {
        boolean urlOverridden = apiOverride != null || tokenOverride != null;
        String id = Util.fixEmptyAndTrim(args.getCredentialsId());
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
        String lookedUp = id;
        Function<List<DomainRequirement>, StandardCredentials> find = requirements ->
                CredentialsProvider.findCredentialById(lookedUp, StandardCredentials.class, run, requirements);
        StandardCredentials credential = find.apply(domainRequirements(settings.apiUrl(), settings.tokenUrl()));
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
        ConnectionSettings checked = checkTokenEndpoint(credential, settings, find, observer);
        Credentials credentials = EngineCredentials.from(credential, masker);
        if (credentials == null) {
            throw new AbortException(Messages.Credentials_wrongType(id, credential.getDescriptor().getDisplayName()));
        }
        CredentialsProvider.track(run, credential);
        return new Engine(checked, credentials);
    }

    /**
     * For a client id and secret without a configured token URL: discovers the token endpoint
     * (no secret is sent for that) and checks that the credential is found with its domain
     * requirements too. Returns the settings with that token URL fixed, so the secret goes
     * exactly where the check looked; other settings and Secret text tokens pass unchanged.
     *
     * @param find the credential lookup for a list of domain requirements
     */
    static ConnectionSettings checkTokenEndpoint(StandardCredentials credential, ConnectionSettings settings,
            Function<List<DomainRequirement>, StandardCredentials> find, CallObserver observer) throws AbortException {
        if (!(credential instanceof StandardUsernamePasswordCredentials) || settings.tokenUrl() != null) {
            return settings;
        }
        URI tokenUrl = OpenChoreoConnection.tokenEndpoint(settings, TokenCache.shared(), observer);
        if (find.apply(domainRequirements(settings.apiUrl(), tokenUrl)) == null) {
            throw new AbortException(Messages.Credentials_notForTokenEndpoint(credential.getId(), tokenUrl));
        }
        return settings.toBuilder().tokenUrl(tokenUrl.toString()).build();
    }

    /**
     * Domain requirements for every URL a secret is sent to. {@link URIRequirementBuilder#withUri}
     * replaces the previous URL's requirements, so each URL gets its own builder and the lists
     * are joined: a domain matches only if none of the requirements is refused by its
     * specifications ({@code Domain.test(List)}), i.e. only if every host is allowed.
     *
     * @param urls null or blank entries are skipped
     */
    static List<DomainRequirement> domainRequirements(Object... urls) {
        List<DomainRequirement> requirements = new ArrayList<>();
        for (Object url : urls) {
            String text = url == null ? null : Util.fixEmptyAndTrim(url.toString());
            if (text != null) {
                requirements.addAll(URIRequirementBuilder.fromUri(text).build());
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

    /** An argument as given, with the freestyle {@code ${VAR}} expansion; null when blank. */
    String arg(String value) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null ? null : Util.fixEmptyAndTrim(expand.apply(trimmed));
    }
}
