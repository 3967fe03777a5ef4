package io.jenkins.plugins.openchoreo;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.rollout.EndpointUrl;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import jenkins.model.RunAction2;

/**
 * One deploy on the build page (summary.jelly) and in the build history (badge.jelly), with a
 * link to the component in the portal and, when the deploy waited, the Ready release and its
 * endpoint URLs. Several deploys in a build add several of these. Holds plain values only: kept
 * in build.xml, so never a token or a secret.
 */
public final class OpenChoreoDeployAction implements RunAction2, BuildBadgeAction {

    private final String namespace;
    private final String project;
    private final String component;
    private final String workloadName;
    private final String image;
    private final String outcome;
    private final boolean dryRun;
    private final String summary;
    private final String portalUrl;
    /** Set when the deploy waited and its release became Ready; absent in actions of older builds. */
    private final String release;
    private final String environment;
    private final String readyAt;
    private final List<Endpoint> endpoints;
    /** The {@code jenkins.io/job-full-name} value for the portal; absent in actions of older builds. */
    private final String jenkinsAnnotation;
    private transient Run<?, ?> run;

    OpenChoreoDeployAction(DeployResult result, String jenkinsAnnotation) {
        this.namespace = result.target().namespace();
        this.project = result.target().project();
        this.component = result.target().component();
        this.workloadName = result.target().workloadName();
        this.image = result.change().image();
        this.outcome = result.change().outcome().wireName();
        this.dryRun = result.change().dryRun();
        this.summary = result.summary();
        this.portalUrl = result.target().portalUrl();
        RolloutResult rollout = result.rollout();
        this.release = rollout == null ? null : rollout.release();
        this.environment = rollout == null ? null : rollout.environment();
        this.readyAt = rollout == null ? null : rollout.readyAt();
        this.endpoints = endpoints(rollout);
        this.jenkinsAnnotation = jenkinsAnnotation;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getProject() {
        return project;
    }

    public String getComponent() {
        return component;
    }

    public String getWorkloadName() {
        return workloadName;
    }

    public String getImage() {
        return image;
    }

    /** created, updated or unchanged. */
    public String getOutcome() {
        return outcome;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public String getSummary() {
        return summary;
    }

    /** The portal link, only if it is http or https (anything else is not rendered as a link). */
    public String getSafePortalUrl() {
        return safe(portalUrl);
    }

    /** Whether the deploy was followed until its release was Ready. */
    public boolean isReady() {
        return release != null;
    }

    public String getRelease() {
        return release;
    }

    public String getEnvironment() {
        return environment;
    }

    /** When the release was seen Ready, ISO-8601 (UTC). */
    public String getReadyAt() {
        return readyAt;
    }

    /** Every endpoint of the Ready release; empty when the deploy did not wait. */
    public List<Endpoint> getEndpoints() {
        return endpoints == null ? List.of() : Collections.unmodifiableList(endpoints);
    }

    /** The value of the component's {@code jenkins.io/job-full-name} annotation that finds this job. */
    public String getJenkinsAnnotation() {
        return jenkinsAnnotation;
    }

    /** The endpoints of a Ready release as plain values; empty when the step did not wait. */
    static List<Endpoint> endpoints(RolloutResult rollout) {
        List<Endpoint> list = new ArrayList<>();
        if (rollout != null) {
            for (EndpointUrl endpoint : rollout.endpoints()) {
                list.add(new Endpoint(endpoint));
            }
        }
        return list;
    }

    static String safe(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    public String getBadgeTooltip() {
        return Messages.OpenChoreoDeployAction_badge(component, outcome + (dryRun ? " (dry run)" : ""), image);
    }

    /** No sidebar link: the summary and the badge are the whole UI. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.OpenChoreoDeployAction_displayName(component);
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** One endpoint of the Ready release: plain strings, kept in build.xml. */
    public static final class Endpoint {

        private final String name;
        private final String type;
        private final String url;
        /** Every URL the server gave; absent in actions of older builds. */
        private final List<Link> urls;

        Endpoint(EndpointUrl endpoint) {
            this.name = endpoint.name();
            this.type = endpoint.type();
            this.url = endpoint.url();
            List<Link> all = new ArrayList<>();
            add(all, "invoke", endpoint.invokeUrl());
            endpoint.externalUrls().forEach((listener, value) -> add(all, "external " + listener, value));
            endpoint.internalUrls().forEach((listener, value) -> add(all, "internal " + listener, value));
            add(all, "service", endpoint.serviceUrl());
            this.urls = all;
        }

        private static void add(List<Link> links, String label, String value) {
            if (value != null && !value.isEmpty()) {
                links.add(new Link(label, value));
            }
        }

        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        /** The URL to show: the invoke URL, else the external https then http URL, else the service URL. */
        public String getUrl() {
            return url;
        }

        /** The URL as a link target, only if it is http or https. */
        public String getSafeUrl() {
            return safe(url);
        }

        /** Every URL the server reported for the endpoint, labelled (invoke, external https, service, …). */
        public List<Link> getUrls() {
            return urls == null ? List.of() : Collections.unmodifiableList(urls);
        }
    }

    /** One labelled URL of an endpoint. */
    public static final class Link {

        private final String label;
        private final String url;

        Link(String label, String url) {
            this.label = label;
            this.url = url;
        }

        public String getLabel() {
            return label;
        }

        public String getUrl() {
            return url;
        }

        /** The URL as a link target, only if it is http or https. */
        public String getSafeUrl() {
            return safe(url);
        }
    }
}
