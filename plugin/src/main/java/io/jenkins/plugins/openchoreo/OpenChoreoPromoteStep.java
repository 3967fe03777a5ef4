package io.jenkins.plugins.openchoreo;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code openchoreoPromote(component: 'greeter', from: 'development', to: 'staging', wait: true)}:
 * promotes the release the component runs in {@code from} to {@code to}, as OpenChoreo does, and
 * returns the result as a map of plain values. Needs no node. Its credential may be another than
 * the deploy's: promotion needs ReleaseBinding create and update, which OpenChoreo's CI role lacks.
 */
public class OpenChoreoPromoteStep extends Step implements PromoteArguments {

    private final String component;
    private final String from;
    private final String to;
    private String release;
    private String namespace;
    private String project;
    private String credentialsId;
    private boolean dryRun;
    private boolean wait;
    private String waitTimeout;
    private boolean strictWait;
    private boolean showLogs;
    private String apiUrl;
    private String tokenUrl;
    private String portalUrl;

    @DataBoundConstructor
    public OpenChoreoPromoteStep(String component, String from, String to) {
        this.component = Util.fixEmptyAndTrim(component);
        this.from = Util.fixEmptyAndTrim(from);
        this.to = Util.fixEmptyAndTrim(to);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @Override
    public String getComponent() {
        return component;
    }

    @Override
    public String getFrom() {
        return from;
    }

    @Override
    public String getTo() {
        return to;
    }

    @Override
    public String getRelease() {
        return release;
    }

    @DataBoundSetter
    public void setRelease(String release) {
        this.release = Util.fixEmptyAndTrim(release);
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
    }

    @Override
    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    @Override
    public String getWaitTimeout() {
        return waitTimeout;
    }

    /** Kept as written (it may hold {@code ${VAR}} in a freestyle job); checked when the promotion runs. */
    @DataBoundSetter
    public void setWaitTimeout(String waitTimeout) {
        this.waitTimeout = Util.fixEmptyAndTrim(waitTimeout);
    }

    @Override
    public boolean isStrictWait() {
        return strictWait;
    }

    @DataBoundSetter
    public void setStrictWait(boolean strictWait) {
        this.strictWait = strictWait;
    }

    @Override
    public boolean isShowLogs() {
        return showLogs;
    }

    @DataBoundSetter
    public void setShowLogs(boolean showLogs) {
        this.showLogs = showLogs;
    }

    @Override
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = Util.fixEmptyAndTrim(apiUrl);
    }

    @Override
    public String getTokenUrl() {
        return tokenUrl;
    }

    @DataBoundSetter
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = Util.fixEmptyAndTrim(tokenUrl);
    }

    @Override
    public String getPortalUrl() {
        return portalUrl;
    }

    @DataBoundSetter
    public void setPortalUrl(String portalUrl) {
        this.portalUrl = Util.fixEmptyAndTrim(portalUrl);
    }

    /**
     * Runs the promotion off the CPS thread (it waits on the network), as the deploy step does; an
     * abort interrupts it ({@link SynchronousNonBlockingStepExecution#stop}). Promoting again is
     * safe: a release the target already runs is not written.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient OpenChoreoPromoteStep step;

        Execution(OpenChoreoPromoteStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            return new PromoteExecution(context.get(Run.class), context.get(TaskListener.class),
                    UnaryOperator.identity()).promote(step).toMap();
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        public DescriptorImpl() {
            // The arguments the deploy step has too keep their help there: those without a help file here.
            for (String field : Forms.argumentNames(OpenChoreoPromoteStep.class)) {
                if (OpenChoreoPromoteStep.class.getResource("OpenChoreoPromoteStep/help-" + field + ".html") == null) {
                    addHelpFileRedirect(field, OpenChoreoDeployStep.class, field);
                }
            }
        }

        @Override
        public String getFunctionName() {
            return "openchoreoPromote";
        }

        @Override
        public String getDisplayName() {
            return Messages.OpenChoreoPromoteStep_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String apiUrl, @QueryParameter String tokenUrl) {
            return Forms.credentialsItems(item, credentialsId, apiUrl, tokenUrl);
        }

        @POST
        public FormValidation doCheckComponent(@QueryParameter String value) {
            return required("component", value);
        }

        @POST
        public FormValidation doCheckFrom(@QueryParameter String value) {
            return required("from", value);
        }

        @POST
        public FormValidation doCheckTo(@QueryParameter String value) {
            return required("to", value);
        }

        @POST
        public FormValidation doCheckApiUrl(@QueryParameter String value) {
            return Forms.checkUrl("API URL", value, false);
        }

        @POST
        public FormValidation doCheckTokenUrl(@QueryParameter String value) {
            return Forms.checkUrl("token URL", value, false);
        }

        @POST
        public FormValidation doCheckPortalUrl(@QueryParameter String value) {
            return Forms.checkUrl("portal URL", value, false);
        }

        @POST
        public FormValidation doCheckWaitTimeout(@QueryParameter String value) {
            return Forms.checkWaitTimeout(value);
        }
    }

    static FormValidation required(String field, String value) {
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(Messages.Forms_required(field))
                : FormValidation.ok();
    }
}
