package io.jenkins.plugins.openchoreo;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Where OpenChoreo is and how to authenticate, for every deploy of this Jenkins. The symbol is
 * what Configuration as Code reads: {@code unclassified: openchoreo: apiUrl: …}. Holds a
 * credentials id, never a secret.
 */
@Extension
@Symbol("openchoreo")
public class OpenChoreoGlobalConfiguration extends GlobalConfiguration {

    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = (int) HttpSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    static final int DEFAULT_RESPONSE_TIMEOUT_SECONDS = (int) HttpSettings.DEFAULT_RESPONSE_TIMEOUT.toSeconds();
    static final int DEFAULT_MAX_ATTEMPTS = RetrySettings.DEFAULT_MAX_ATTEMPTS;
    static final int DEFAULT_POLL_INTERVAL_SECONDS = (int) WaitOptions.DEFAULT_INTERVAL.toSeconds();
    static final int MAX_TIMEOUT_SECONDS = 600;
    static final int MAX_ATTEMPTS = 20;
    static final int MAX_POLL_INTERVAL_SECONDS = 60;

    private String apiUrl;
    private String tokenUrl;
    private String portalUrl;
    private String credentialsId;
    private String defaultNamespace;
    private String defaultProject;
    private String authMethod = ClientAuthMethod.AUTO.wireName();
    private String scope;
    private String audience;
    private String resource;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int responseTimeoutSeconds = DEFAULT_RESPONSE_TIMEOUT_SECONDS;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private String instanceName;
    private String defaultEnvironment;
    private String waitTimeout;
    private int pollIntervalSeconds = DEFAULT_POLL_INTERVAL_SECONDS;

    public OpenChoreoGlobalConfiguration() {
        load();
    }

    public static OpenChoreoGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(OpenChoreoGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.OpenChoreoGlobalConfiguration_displayName();
    }

    /**
     * A saved change may point at another server or client: forget tokens and discoveries, once
     * per save. Setters neither save nor clear: the form ({@link #configure}) binds every field and
     * saves once; Configuration as Code calls the setters inside a {@code BulkChange} on this
     * object and commits it, which calls this once. Code that calls setters itself (a script)
     * calls {@code save()} afterwards, as for any {@link GlobalConfiguration}.
     */
    @Override
    public synchronized void save() {
        super.save();
        OpenChoreoEngineHolder.engine().clearTokens();
    }

    /**
     * The form: every value is checked before any is bound, so a bad one leaves the configuration
     * as it was and the page shows which field is wrong ({@link FormException} names it); then
     * the superclass binds the setters ({@code req.bindJSON}) and the whole is saved once.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        checkNumber(json, "connectTimeoutSeconds", 1, MAX_TIMEOUT_SECONDS);
        checkNumber(json, "responseTimeoutSeconds", 1, MAX_TIMEOUT_SECONDS);
        checkNumber(json, "maxAttempts", 1, MAX_ATTEMPTS);
        checkNumber(json, "pollIntervalSeconds", 1, MAX_POLL_INTERVAL_SECONDS);
        String timeout = json.optString("waitTimeout", "");
        if (!timeout.isBlank()) {
            try {
                WaitTimeout.parse(timeout);
            } catch (IllegalArgumentException e) {
                throw new FormException(e.getMessage(), "waitTimeout");
            }
        }
        try {
            ClientAuthMethod.parse(Util.fixEmptyAndTrim(json.optString("authMethod", "")));
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), "authMethod");
        }
        boolean result = super.configure(req, json);
        save();
        return result;
    }

    private static void checkNumber(JSONObject json, String field, int min, int max) throws FormException {
        if (!json.has(field)) {
            return; // not in this form: the setter is not called either
        }
        String text = json.optString(field, "").trim();
        try {
            checkRange(field, Integer.parseInt(text), min, max);
        } catch (NumberFormatException e) {
            throw new FormException(Messages.OpenChoreoGlobalConfiguration_range(field, min, max, text), field);
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), field);
        }
    }

    /**
     * Out-of-range numbers are refused, not replaced by a default, so whoever set them (a form,
     * a script, Configuration as Code) learns. Configuration as Code reports a setter's exception
     * as "Failed to set attribute '…'" with this exception (inside the reflective call's
     * InvocationTargetException) as its cause, so its message is in the reported cause chain.
     */
    private static int checkRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    Messages.OpenChoreoGlobalConfiguration_range(field, min, max, String.valueOf(value)));
        }
        return value;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = Util.fixEmptyAndTrim(apiUrl);
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    @DataBoundSetter
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = Util.fixEmptyAndTrim(tokenUrl);
    }

    public String getPortalUrl() {
        return portalUrl;
    }

    @DataBoundSetter
    public void setPortalUrl(String portalUrl) {
        this.portalUrl = Util.fixEmptyAndTrim(portalUrl);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getDefaultNamespace() {
        return defaultNamespace;
    }

    @DataBoundSetter
    public void setDefaultNamespace(String defaultNamespace) {
        this.defaultNamespace = Util.fixEmptyAndTrim(defaultNamespace);
    }

    public String getDefaultProject() {
        return defaultProject;
    }

    @DataBoundSetter
    public void setDefaultProject(String defaultProject) {
        this.defaultProject = Util.fixEmptyAndTrim(defaultProject);
    }

    public String getAuthMethod() {
        return authMethod;
    }

    /** auto, client_secret_basic or client_secret_post (basic and post are accepted too). */
    @DataBoundSetter
    public void setAuthMethod(String authMethod) {
        this.authMethod = ClientAuthMethod.parse(authMethod).wireName();
    }

    public String getScope() {
        return scope;
    }

    @DataBoundSetter
    public void setScope(String scope) {
        this.scope = Util.fixEmptyAndTrim(scope);
    }

    public String getAudience() {
        return audience;
    }

    @DataBoundSetter
    public void setAudience(String audience) {
        this.audience = Util.fixEmptyAndTrim(audience);
    }

    public String getResource() {
        return resource;
    }

    @DataBoundSetter
    public void setResource(String resource) {
        this.resource = Util.fixEmptyAndTrim(resource);
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = checkRange("connectTimeoutSeconds", connectTimeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
    }

    public int getResponseTimeoutSeconds() {
        return responseTimeoutSeconds;
    }

    @DataBoundSetter
    public void setResponseTimeoutSeconds(int responseTimeoutSeconds) {
        this.responseTimeoutSeconds = checkRange("responseTimeoutSeconds", responseTimeoutSeconds, 1,
                MAX_TIMEOUT_SECONDS);
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = checkRange("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
    }

    public String getInstanceName() {
        return instanceName;
    }

    /**
     * This Jenkins' name as the portal's Jenkins plugin knows it, when the portal is set up with
     * several Jenkins instances: the annotation hint then reads {@code <instanceName>:<job>}.
     */
    @DataBoundSetter
    public void setInstanceName(String instanceName) {
        this.instanceName = Util.fixEmptyAndTrim(instanceName);
    }

    public String getDefaultEnvironment() {
        return defaultEnvironment;
    }

    @DataBoundSetter
    public void setDefaultEnvironment(String defaultEnvironment) {
        this.defaultEnvironment = Util.fixEmptyAndTrim(defaultEnvironment);
    }

    public String getWaitTimeout() {
        return waitTimeout;
    }

    /**
     * The default for deploys that wait and name no timeout; blank: the engine's 10 minutes. A
     * value that does not parse is refused with {@link WaitTimeout}'s message (an
     * {@link IllegalArgumentException}): the form checks it first ({@link #configure}, and
     * {@link #doCheckWaitTimeout} while typing); Configuration as Code fails the load and
     * reports it as the cause of "Failed to set attribute 'waitTimeout'".
     */
    @DataBoundSetter
    public void setWaitTimeout(String waitTimeout) {
        String value = Util.fixEmptyAndTrim(waitTimeout);
        if (value != null) {
            WaitTimeout.parse(value); // refuse a bad default here rather than in every build
        }
        this.waitTimeout = value;
    }

    public int getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    /** The first pause between polls while waiting; it grows by half each poll up to the engine's maximum. */
    @DataBoundSetter
    public void setPollIntervalSeconds(int pollIntervalSeconds) {
        this.pollIntervalSeconds = checkRange("pollIntervalSeconds", pollIntervalSeconds, 1, MAX_POLL_INTERVAL_SECONDS);
    }

    @POST
    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        return Forms.checkUrl("API URL", value, true);
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
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter int value) {
        return Forms.checkRange(value, 1, MAX_TIMEOUT_SECONDS);
    }

    @POST
    public FormValidation doCheckResponseTimeoutSeconds(@QueryParameter int value) {
        return Forms.checkRange(value, 1, MAX_TIMEOUT_SECONDS);
    }

    @POST
    public FormValidation doCheckMaxAttempts(@QueryParameter int value) {
        return Forms.checkRange(value, 1, MAX_ATTEMPTS);
    }

    @POST
    public FormValidation doCheckWaitTimeout(@QueryParameter String value) {
        return Forms.checkWaitTimeout(value);
    }

    @POST
    public FormValidation doCheckPollIntervalSeconds(@QueryParameter int value) {
        return Forms.checkRange(value, 1, MAX_POLL_INTERVAL_SECONDS);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String apiUrl,
            @QueryParameter String tokenUrl) {
        return Forms.credentialsItems(null, credentialsId, apiUrl, tokenUrl);
    }

    @POST
    public ListBoxModel doFillAuthMethodItems() {
        return Forms.authMethodItems();
    }

    /**
     * Test connection: a token and one call the CI role may make, with the values in the form
     * (not yet saved), timeouts and attempts included. POST and administrators only: it sends a
     * stored secret to a URL the caller chooses. The form's values are checked here; the test
     * itself, with the deploy's credential rules, is {@link ConnectionTest}.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter String apiUrl, @QueryParameter String tokenUrl,
            @QueryParameter String credentialsId, @QueryParameter String defaultNamespace,
            @QueryParameter String authMethod, @QueryParameter String scope, @QueryParameter String audience,
            @QueryParameter String resource, @QueryParameter String connectTimeoutSeconds,
            @QueryParameter String responseTimeoutSeconds, @QueryParameter String maxAttempts) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return FormValidation.error(Messages.TestConnection_noCredentials());
        }
        int connect;
        int response;
        int attempts;
        try {
            connect = formNumber("connectTimeoutSeconds", connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS, 1,
                    MAX_TIMEOUT_SECONDS);
            response = formNumber("responseTimeoutSeconds", responseTimeoutSeconds, DEFAULT_RESPONSE_TIMEOUT_SECONDS,
                    1, MAX_TIMEOUT_SECONDS);
            attempts = formNumber("maxAttempts", maxAttempts, DEFAULT_MAX_ATTEMPTS, 1, MAX_ATTEMPTS);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        return new ConnectionTest().run(id, apiUrl, tokenUrl, defaultNamespace, authMethod,
                new TokenParameters(scope, audience, resource), connect, response, attempts);
    }

    /** A number from the form as typed: blank is the default, anything else must be in range. */
    private static int formNumber(String field, String text, int fallback, int min, int max) {
        String value = Util.fixEmptyAndTrim(text);
        if (value == null) {
            return fallback;
        }
        try {
            return checkRange(field, Integer.parseInt(value), min, max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.OpenChoreoGlobalConfiguration_range(field, min, max, value), e);
        }
    }
}
