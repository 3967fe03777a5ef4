package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.Util;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.promote.PromoteRequest;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A step's or action's arguments read once, with the build's variables and the global
 * configuration's defaults: the engine's request and the connection settings. Nothing here looks
 * a credential up or sends anything; a bad argument fails here, before any lookup.
 */
final class ArgumentResolver {

    private final OpenChoreoGlobalConfiguration config;
    private final UnaryOperator<String> expand;

    /** @param expand the freestyle {@code ${VAR}} expansion, or identity for Pipeline (Groovy interpolates) */
    ArgumentResolver(OpenChoreoGlobalConfiguration config, UnaryOperator<String> expand) {
        this.config = config;
        this.expand = expand;
    }

    /** An argument as given, with the freestyle {@code ${VAR}} expansion; null when blank. */
    String arg(String value) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null ? null : Util.fixEmptyAndTrim(expand.apply(trimmed));
    }

    DeployRequest deployRequest(DeployArguments args, BuildLogListener log) throws AbortException {
        WaitOptions wait = null;
        if (args.isWait()) {
            wait = waitOptions(arg(args.getEnvironment()), arg(args.getWaitTimeout()), args.isStrictWait())
                    .withShowLogs(args.isShowLogs());
        } else if (arg(args.getEnvironment()) != null || arg(args.getWaitTimeout()) != null || args.isStrictWait()
                || args.isShowLogs()) {
            log.println(Messages.DeployExecution_waitOptionsIgnored());
        }
        return DeployRequest.builder(arg(args.getComponent()), arg(args.getImage()))
                .namespace(namespaceOr(arg(args.getNamespace())))
                .project(projectOr(arg(args.getProject())))
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

    PromoteRequest promoteRequest(PromoteArguments args, BuildLogListener log) {
        String to = arg(args.getTo());
        WaitOptions wait = null;
        if (args.isWait()) {
            // The environment followed is always the target.
            wait = waitOptions(to, arg(args.getWaitTimeout()), args.isStrictWait()).withShowLogs(args.isShowLogs());
        } else if (arg(args.getWaitTimeout()) != null || args.isStrictWait() || args.isShowLogs()) {
            log.println(Messages.PromoteExecution_waitOptionsIgnored());
        }
        return PromoteRequest.builder(arg(args.getComponent()), arg(args.getFrom()), to)
                .namespace(namespaceOr(arg(args.getNamespace())))
                .project(projectOr(arg(args.getProject())))
                .release(arg(args.getRelease()))
                .dryRun(args.isDryRun())
                .waitOptions(wait)
                .build();
    }

    /**
     * The connection: the global configuration with the step's URL overrides. A step that names
     * its own API URL never gets the configured token URL, which belongs to the configured API;
     * {@link CredentialsResolver} refuses such a deploy with a client secret and no token URL of
     * its own, rather than let discovery on that API pick where the secret goes.
     *
     * @param apiOverride the step's API URL, expanded, or null
     * @param tokenOverride the step's token URL, expanded, or null
     * @param portalOverride the step's portal URL, expanded, or null
     */
    ConnectionSettings settings(String apiOverride, String tokenOverride, String portalOverride) {
        String api = Util.fixEmptyAndTrim(apiOverride);
        String token = api == null ? pick(tokenOverride, config.getTokenUrl()) : Util.fixEmptyAndTrim(tokenOverride);
        return JenkinsConnectionSettings.of(api == null ? config.getApiUrl() : api, token,
                pick(portalOverride, config.getPortalUrl()), config.getAuthMethod(),
                new TokenParameters(config.getScope(), config.getAudience(), config.getResource()),
                config.getConnectTimeoutSeconds(), config.getResponseTimeoutSeconds(), config.getMaxAttempts());
    }

    /**
     * How a waiting deploy waits: the step's environment and timeout, else the configured
     * defaults, else the engine's. Throws {@link IllegalArgumentException} for a timeout that
     * does not parse.
     */
    WaitOptions waitOptions(String environment, String timeout, boolean strict) {
        Duration parsed = WaitTimeout.parse(pick(timeout, config.getWaitTimeout()));
        return WaitOptions.defaults().withEnvironment(pick(environment, config.getDefaultEnvironment()))
                .withTimeout(parsed).withIntervals(Duration.ofSeconds(config.getPollIntervalSeconds()), null)
                .withStrict(strict);
    }

    /** The namespace for a deploy that names none. */
    String namespaceOr(String requested) {
        return pickOr(requested, config.getDefaultNamespace(), DeployRequest.DEFAULT_NAMESPACE);
    }

    /** The project for a deploy that names none. */
    String projectOr(String requested) {
        return pickOr(requested, config.getDefaultProject(), DeployRequest.DEFAULT_PROJECT);
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

    private static String pick(String override, String configured) {
        String value = Util.fixEmptyAndTrim(override);
        return value != null ? value : Util.fixEmptyAndTrim(configured);
    }

    private static String pickOr(String requested, String configured, String fallback) {
        String value = pick(requested, configured);
        return value != null ? value : fallback;
    }
}
