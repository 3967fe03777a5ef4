package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Global configuration: form round trip, Test connection and the credentials list with their permission checks. */
@WithJenkins
class OpenChoreoGlobalConfigurationITest {

    private static Sandbox sandbox;
    private JenkinsRule j;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
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
        var defaults = config.waitOptions(null, null, false);
        assertEquals("staging", defaults.environment());
        assertEquals(java.time.Duration.ofMinutes(15), defaults.timeout());
        assertEquals(java.time.Duration.ofSeconds(4), defaults.interval());
        var own = config.waitOptions("production", "90s", true);
        assertEquals("production", own.environment());
        assertEquals(java.time.Duration.ofSeconds(90), own.timeout());
        assertTrue(own.strict());
        config.setWaitTimeout(null);
        config.setPollIntervalSeconds(0); // out of range: back to the default
        assertEquals(java.time.Duration.ofMinutes(10), config.waitOptions(null, null, false).timeout());
        assertEquals(OpenChoreoGlobalConfiguration.DEFAULT_POLL_INTERVAL_SECONDS, config.getPollIntervalSeconds());
        assertThrows(IllegalArgumentException.class, () -> config.setWaitTimeout("soon"));
        assertEquals(FormValidation.Kind.ERROR, config.doCheckWaitTimeout("soon").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckWaitTimeout("1h30m").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckWaitTimeout("${TIMEOUT}").kind);
    }

    private FormValidation testConnection() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        return config.doTestConnection(config.getApiUrl(), config.getTokenUrl(), SandboxFixture.CREDENTIALS_ID,
                "default", config.getAuthMethod(), null, null, null);
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
            ListBoxModel items = config.doFillCredentialsIdItems("current", null);
            assertEquals(1, items.size());
            assertEquals("current", items.get(0).value);
        }
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            ListBoxModel items = config.doFillCredentialsIdItems(null, null);
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
