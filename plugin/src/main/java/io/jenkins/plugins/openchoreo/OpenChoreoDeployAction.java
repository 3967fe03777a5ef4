package io.jenkins.plugins.openchoreo;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import java.util.Locale;
import jenkins.model.RunAction2;

/**
 * One deploy on the build page (summary.jelly) and in the build history (badge.jelly), with a
 * link to the component in the portal. Several deploys in a build add several of these. Holds
 * plain values only: kept in build.xml, so never a token or a secret.
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
    private transient Run<?, ?> run;

    OpenChoreoDeployAction(DeployResult result) {
        this.namespace = result.namespace();
        this.project = result.project();
        this.component = result.component();
        this.workloadName = result.workloadName();
        this.image = result.image();
        this.outcome = result.outcome().wireName();
        this.dryRun = result.dryRun();
        this.summary = result.summary();
        this.portalUrl = result.portalUrl();
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
        if (portalUrl == null) {
            return null;
        }
        String lower = portalUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? portalUrl : null;
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
}
