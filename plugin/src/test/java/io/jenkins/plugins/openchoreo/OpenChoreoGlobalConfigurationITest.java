package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.StaplerRequest2;

/** Global configuration: form round trip, Test connection and the credentials list with their permission checks. */
@WithJenkins
class OpenChoreoGlobalConfigurationITest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private Sandbox sandbox;
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sandbox = SANDBOX.get(); // started once for the class, reset before each test
        SandboxFixture.reset(sandbox);
        SandboxFixture.configure(sandbox);
    }

    /** An administrator and a user who may only read. */
    private void secure() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("dev"));
    }

    @Test
    void formRoundTripKeepsEveryField() throws Exception {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.setDefaultNamespace("acme");
        config.setDefaultProject("shop");
        config.setScope("openchoreo");
        config.setAudience("api");
        config.setResource("https://api.example.com");
        config.setConnectTimeoutSeconds(7);
        config.setResponseTimeoutSeconds(25);
        config.setInstanceName("ci-east");
        config.setDefaultEnvironment("staging");
        config.setWaitTimeout("15m");
        config.setPollIntervalSeconds(4);
        String api = config.getApiUrl();
        j.configRoundtrip(); // security is off here: the web client submits the form anonymously
        config = OpenChoreoGlobalConfiguration.get();
        assertEquals(api, config.getApiUrl());
        assertEquals(sandbox.tokenUrl().toString(), config.getTokenUrl());
        assertEquals(SandboxFixture.PORTAL, config.getPortalUrl());
        assertEquals(SandboxFixture.CREDENTIALS_ID, config.getCredentialsId());
        assertEquals("acme", config.getDefaultNamespace());
        assertEquals("shop", config.getDefaultProject());
        assertEquals("client_secret_post", config.getAuthMethod());
        assertEquals("openchoreo", config.getScope());
        assertEquals("api", config.getAudience());
        assertEquals("https://api.example.com", config.getResource());
        assertEquals(7, config.getConnectTimeoutSeconds());
        assertEquals(25, config.getResponseTimeoutSeconds());
        assertEquals(2, config.getMaxAttempts());
        assertEquals("ci-east", config.getInstanceName());
        assertEquals("staging", config.getDefaultEnvironment());
        assertEquals("15m", config.getWaitTimeout());
        assertEquals(4, config.getPollIntervalSeconds());
    }

    @Test
    void waitDefaultsApplyWhenTheStepNamesNone() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.setDefaultEnvironment("staging");
        config.setWaitTimeout("15m");
        config.setPollIntervalSeconds(4);
        ArgumentResolver arguments = new ArgumentResolver(config, UnaryOperator.identity());
        var defaults = arguments.waitOptions(null, null, false);
        assertEquals("staging", defaults.environment());
        assertEquals(java.time.Duration.ofMinutes(15), defaults.timeout());
        assertEquals(java.time.Duration.ofSeconds(4), defaults.interval());
        var own = arguments.waitOptions("production", "90s", true);
        assertEquals("production", own.environment());
        assertEquals(java.time.Duration.ofSeconds(90), own.timeout());
        assertTrue(own.strict());
        config.setWaitTimeout(null);
        assertEquals(java.time.Duration.ofMinutes(10), arguments.waitOptions(null, null, false).timeout());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> config.setWaitTimeout("soon"));
        assertTrue(bad.getMessage().contains("Wait timeout \"soon\" is not a duration"), bad.getMessage());
        assertEquals(null, config.getWaitTimeout(), "a refused value changes nothing");
        assertEquals(FormValidation.Kind.ERROR, config.doCheckWaitTimeout("soon").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckWaitTimeout("1h30m").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckWaitTimeout("${TIMEOUT}").kind);
    }

    @Test
    void outOfRangeNumbersAreRefusedNotReplaced() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class, () -> config.setMaxAttempts(50));
        assertEquals("maxAttempts must be a whole number from 1 to 20, not 50", attempts.getMessage());
        assertEquals(2, config.getMaxAttempts(), "unchanged");
        IllegalArgumentException poll =
                assertThrows(IllegalArgumentException.class, () -> config.setPollIntervalSeconds(0));
        assertTrue(poll.getMessage().contains("pollIntervalSeconds"), poll.getMessage());
        assertEquals(OpenChoreoGlobalConfiguration.DEFAULT_POLL_INTERVAL_SECONDS, config.getPollIntervalSeconds());
        assertThrows(IllegalArgumentException.class, () -> config.setConnectTimeoutSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> config.setResponseTimeoutSeconds(601));
        assertEquals(FormValidation.Kind.ERROR, config.doCheckMaxAttempts(50).kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckPollIntervalSeconds(0).kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckMaxAttempts(20).kind);
    }

    @Test
    void theFormRefusesABadValueBeforeBindingAnything() throws Exception {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        String api = config.getApiUrl();
        JSONObject form = new JSONObject();
        form.put("apiUrl", "https://elsewhere.example.com");
        form.put("maxAttempts", "50");
        Descriptor.FormException e = assertThrows(Descriptor.FormException.class,
                () -> config.configure((StaplerRequest2) null, form));
        assertEquals("maxAttempts", e.getFormField());
        assertTrue(e.getMessage().contains("from 1 to 20"), e.getMessage());
        assertEquals(api, config.getApiUrl(), "nothing bound");

        JSONObject timeout = new JSONObject();
        timeout.put("waitTimeout", "soon");
        Descriptor.FormException t = assertThrows(Descriptor.FormException.class,
                () -> config.configure((StaplerRequest2) null, timeout));
        assertEquals("waitTimeout", t.getFormField());
    }

    @Test
    void settersDoNotSaveAndTheFormSavesOnceAndForgetsTokens() throws Exception {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.save();
        config.setDefaultProject("unsaved");
        assertFalse(savedXml().contains("unsaved"), "a setter alone writes nothing");

        WorkflowJob job = j.createProject(WorkflowJob.class, "tokens");
        job.setDefinition(new CpsFlowDefinition(
                "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'", true));
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        assertEquals(1, sandbox.count(Route.TOKEN), "the token is cached between deploys");
        config.setScope(null); // a setter does not forget tokens
        j.buildAndAssertSuccess(job);
        assertEquals(1, sandbox.count(Route.TOKEN));

        j.configRoundtrip(); // submits the form: binds, saves once, forgets tokens
        assertTrue(savedXml().contains("<defaultProject>unsaved</defaultProject>"), "saved by the form");
        j.buildAndAssertSuccess(job);
        assertEquals(2, sandbox.count(Route.TOKEN), "a saved configuration forgets cached tokens");
    }

    /** The configuration as saved: $JENKINS_HOME/<class name>.xml (Descriptor.getConfigFile). */
    private String savedXml() throws Exception {
        return Files.readString(new File(j.jenkins.getRootDir(), OpenChoreoGlobalConfiguration.class.getName() + ".xml")
                .toPath(), StandardCharsets.UTF_8);
    }

    private FormValidation testConnection() {
        return testConnection(null, null, null);
    }

    private FormValidation testConnection(String connect, String response, String attempts) {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        return config.doTestConnection(config.getApiUrl(), config.getTokenUrl(), SandboxFixture.CREDENTIALS_ID,
                "default", config.getAuthMethod(), null, null, null, connect, response, attempts);
    }

    @Test
    void testConnectionUsesTheFormsTimeoutsAndAttempts() {
        FormValidation bad = testConnection("5", "5", "50");
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.getMessage().contains("maxAttempts must be a whole number from 1 to 20"), bad.getMessage());
        assertEquals(0, sandbox.count(Route.TOKEN), "refused before any request");
        FormValidation ok = testConnection("5", "5", "1");
        assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
        assertFalse(ok.getMessage().contains("(null)"));
        FormValidation unreachable = OpenChoreoGlobalConfiguration.get().doTestConnection("http://127.0.0.1:1",
                "http://127.0.0.1:1/token", SandboxFixture.CREDENTIALS_ID, "default", "auto", null, null, null,
                "1", "1", "1");
        assertEquals(FormValidation.Kind.ERROR, unreachable.kind);
        assertFalse(unreachable.getMessage().contains("(null)"), unreachable.getMessage());
    }

    @Test
    void testConnectionReportsIdentityForAdministrators() {
        secure();
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            FormValidation result = testConnection();
            assertEquals(FormValidation.Kind.OK, result.kind, result.getMessage());
            assertTrue(result.getMessage().contains("Connected to"), result.getMessage());
        }
    }

    @Test
    void testConnectionIsAdministratorsOnly() {
        secure();
        try (ACLContext ignored = ACL.as(User.getById("dev", true))) {
            assertThrows(AccessDeniedException3.class, this::testConnection);
        }
    }

    @Test
    void testConnectionRefusesGet() throws Exception {
        secure();
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            Page page = wc.goTo("descriptorByName/" + OpenChoreoGlobalConfiguration.class.getName()
                    + "/testConnection?apiUrl=http://127.0.0.1:1&credentialsId=" + SandboxFixture.CREDENTIALS_ID, null);
            assertNotEquals(200, page.getWebResponse().getStatusCode());
        }
    }

    @Test
    void credentialsListedOnlyToAdministrators() {
        secure();
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        try (ACLContext ignored = ACL.as(User.getById("dev", true))) {
            ListBoxModel items = config.doFillCredentialsIdItems("current", null, null);
            assertEquals(1, items.size());
            assertEquals("current", items.get(0).value);
        }
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            ListBoxModel items = config.doFillCredentialsIdItems(null, null, null);
            assertTrue(items.stream().anyMatch(o -> SandboxFixture.CREDENTIALS_ID.equals(o.value)));
        }
    }

    @Test
    void urlValidation() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        assertEquals(FormValidation.Kind.ERROR, config.doCheckApiUrl("").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckApiUrl("ftp://example.com").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckPortalUrl("https://user:pw@example.com").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckTokenUrl("").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckApiUrl("https://api.example.com").kind);
    }
}
