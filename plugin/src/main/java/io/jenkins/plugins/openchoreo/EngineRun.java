package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.rollout.EndpointUrl;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a deploy and a promotion share in a build: one masker every log line and error passes
 * through (the engine teaches it the credential's secrets), the build log, the resolution of
 * arguments and credential into a {@link Resolved} value, the engine's errors turned into a
 * failed build, and the report of the result.
 */
final class EngineRun {

    private static final Logger LOGGER = Logger.getLogger(EngineRun.class.getName());

    private final SecretMasker masker = new SecretMasker();
    private final BuildLogListener log;
    private final OpenChoreoGlobalConfiguration config;
    private final ArgumentResolver arguments;
    private final CredentialsResolver credentials;

    /** @param expand the freestyle {@code ${VAR}} expansion, or identity for Pipeline (Groovy interpolates) */
    EngineRun(Run<?, ?> run, TaskListener listener, UnaryOperator<String> expand) {
        this.log = new BuildLogListener(listener, masker);
        this.config = OpenChoreoGlobalConfiguration.get();
        this.arguments = new ArgumentResolver(config, expand);
        this.credentials = CredentialsResolver.forRun(run);
    }

    BuildLogListener log() {
        return log;
    }

    OpenChoreoGlobalConfiguration config() {
        return config;
    }

    ArgumentResolver arguments() {
        return arguments;
    }

    /**
     * The request with the connection it goes over: the settings from the global configuration
     * and the step's URL overrides, and the credential under {@link CredentialsResolver}'s rules.
     * The request is built by the caller first, so argument errors come before any lookup.
     */
    <R> Resolved<R> resolve(R request, ConnectionArguments args) throws AbortException {
        String apiOverride = arguments.arg(args.getApiUrl());
        String tokenOverride = arguments.arg(args.getTokenUrl());
        ConnectionSettings settings = arguments.settings(apiOverride, tokenOverride,
                arguments.arg(args.getPortalUrl()));
        CredentialsResolver.Chosen chosen = credentials.resolve(args.getCredentialsId(), config.getCredentialsId(),
                settings, apiOverride != null, tokenOverride != null, log);
        OpenChoreoConnection.learnSecrets(masker, chosen.settings(), chosen.credentials());
        return new Resolved<>(request, chosen.settings(), chosen.credentials());
    }

    /**
     * Runs engine work (a deploy, a promotion) the same way: the engine's errors end the build
     * with their message and hint, an abort stays an abort, anything else is reported as a bug.
     *
     * @throws InterruptedException when the build was aborted meanwhile (the engine stops waiting
     *     when its thread is interrupted, which is how Jenkins aborts both a Pipeline step running
     *     in a {@code SynchronousNonBlockingStepExecution} and a freestyle build)
     */
    <T> T call(Work<T> work) throws AbortException, InterruptedException {
        try {
            return work.run();
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

    /** A deploy or a promotion: resolves, runs and reports. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws AbortException;
    }

    /** The result's summary, the endpoints of its Ready release and the portal link, in the build log. */
    void report(String summary, RolloutResult rollout, String portalUrl) {
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
     * (or on the form) with a request to report it, and the masked stack trace in the Jenkins
     * system log, never in the build log.
     */
    static AbortException bug(RuntimeException e, SecretMasker masker) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            e.printStackTrace(writer);
        }
        // Logged as text, not as the Throwable: a message in the cause chain may hold a secret.
        LOGGER.log(Level.WARNING, "OpenChoreo deploy failed unexpectedly: {0}", masker.mask(trace.toString()));
        String message = e.getMessage() == null ? e.getClass().getName()
                : e.getClass().getName() + ": " + e.getMessage();
        return new AbortException(masker.mask(BuildLogListener.PREFIX + Messages.DeployExecution_bug(message)));
    }
}
