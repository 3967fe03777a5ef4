package io.jenkins.plugins.openchoreo;

import hudson.model.Run;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * One promotion on the build page (summary.jelly), beside the deploys of the build: the release,
 * the path it took, what happened to the target's ReleaseBinding, and, when the promotion waited,
 * when it was Ready and its endpoint URLs. Plain values only: kept in build.xml.
 */
public final class OpenChoreoPromoteAction implements RunAction2 {

    private final String namespace;
    private final String project;
    private final String component;
    private final String from;
    private final String to;
    private final String release;
    private final String previousRelease;
    private final String bindingName;
    private final String outcome;
    private final boolean dryRun;
    private final String summary;
    private final String portalUrl;
    private final String readyAt;
    private final List<OpenChoreoDeployAction.Endpoint> endpoints;
    private transient Run<?, ?> run;

    OpenChoreoPromoteAction(PromoteResult result) {
        this.namespace = result.namespace();
        this.project = result.project();
        this.component = result.component();
        this.from = result.from();
        this.to = result.to();
        this.release = result.release();
        this.previousRelease = result.previousRelease();
        this.bindingName = result.bindingName();
        this.outcome = result.outcome().wireName();
        this.dryRun = result.dryRun();
        this.summary = result.summary();
        this.portalUrl = result.portalUrl();
        RolloutResult rollout = result.rollout();
        this.readyAt = rollout == null ? null : rollout.readyAt();
        this.endpoints = OpenChoreoDeployAction.endpoints(rollout);
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

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getRelease() {
        return release;
    }

    /** What the target ran before; null when it had no binding. */
    public String getPreviousRelease() {
        return previousRelease;
    }

    public String getBindingName() {
        return bindingName;
    }

    /** created, updated or unchanged (the target's ReleaseBinding). */
    public String getOutcome() {
        return outcome;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public String getSummary() {
        return summary;
    }

    /** The portal link, only if it is http or https. */
    public String getSafePortalUrl() {
        return OpenChoreoDeployAction.safe(portalUrl);
    }

    /** Whether the promotion was followed until the release was Ready in the target. */
    public boolean isReady() {
        return readyAt != null;
    }

    public String getReadyAt() {
        return readyAt;
    }

    public List<OpenChoreoDeployAction.Endpoint> getEndpoints() {
        return endpoints == null ? List.of() : Collections.unmodifiableList(endpoints);
    }

    /** No sidebar link: the summary is the whole UI. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.OpenChoreoPromoteAction_displayName(component);
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
