package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import hudson.model.Descriptor;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.kohsuke.stapler.StaplerRequest2;

/** Global configuration: form round trip, Test connection and the credentials list with their permission checks. */
class OpenChoreoGlobalConfigurationITest extends SandboxedJenkinsTest {

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
        assertThat(config.getApiUrl()).isEqualTo(api);
        assertThat(config.getTokenUrl()).isEqualTo(sandbox.tokenUrl().toString());
        assertThat(config.getPortalUrl()).isEqualTo(SandboxFixture.PORTAL);
        assertThat(config.getCredentialsId()).isEqualTo(SandboxFixture.CREDENTIALS_ID);
        assertThat(config.getDefaultNamespace()).isEqualTo("acme");
        assertThat(config.getDefaultProject()).isEqualTo("shop");
        assertThat(config.getAuthMethod()).isEqualTo("client_secret_post");
        assertThat(config.getScope()).isEqualTo("openchoreo");
        assertThat(config.getAudience()).isEqualTo("api");
        assertThat(config.getResource()).isEqualTo("https://api.example.com");
        assertThat(config.getConnectTimeoutSeconds()).isEqualTo(7);
        assertThat(config.getResponseTimeoutSeconds()).isEqualTo(25);
        assertThat(config.getMaxAttempts()).isEqualTo(2);
        assertThat(config.getInstanceName()).isEqualTo("ci-east");
        assertThat(config.getDefaultEnvironment()).isEqualTo("staging");
        assertThat(config.getWaitTimeout()).isEqualTo("15m");
        assertThat(config.getPollIntervalSeconds()).isEqualTo(4);
    }

    @Test
    void waitDefaultsApplyWhenTheStepNamesNone() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.setDefaultEnvironment("staging");
        config.setWaitTimeout("15m");
        config.setPollIntervalSeconds(4);
        ArgumentResolver arguments = new ArgumentResolver(config, UnaryOperator.identity());
        var defaults = arguments.waitOptions(null, null, false);
        assertThat(defaults.environment()).isEqualTo("staging");
        assertThat(defaults.timeout()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(defaults.interval()).isEqualTo(java.time.Duration.ofSeconds(4));
        var own = arguments.waitOptions("production", "90s", true);
        assertThat(own.environment()).isEqualTo("production");
        assertThat(own.timeout()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(own.strict()).isTrue();
        config.setWaitTimeout(null);
        assertThat(arguments.waitOptions(null, null, false).timeout()).isEqualTo(java.time.Duration.ofMinutes(10));
        IllegalArgumentException bad = assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> config.setWaitTimeout("soon")).actual();
        assertThat(bad.getMessage().contains("Wait timeout \"soon\" is not a duration")).as(bad.getMessage()).isTrue();
        assertThat(config.getWaitTimeout()).as("a refused value changes nothing").isEqualTo(null);
        assertThat(config.doCheckWaitTimeout("soon").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckWaitTimeout("1h30m").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(config.doCheckWaitTimeout("${TIMEOUT}").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void outOfRangeNumbersAreRefusedNotReplaced() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        IllegalArgumentException attempts = assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> config.setMaxAttempts(50)).actual();
        assertThat(attempts.getMessage()).isEqualTo("maxAttempts must be a whole number from 1 to 20, not 50");
        assertThat(config.getMaxAttempts()).as("unchanged").isEqualTo(2);
        IllegalArgumentException poll = assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> config.setPollIntervalSeconds(0)).actual();
        assertThat(poll.getMessage().contains("pollIntervalSeconds")).as(poll.getMessage()).isTrue();
        assertThat(config.getPollIntervalSeconds())
                .isEqualTo(OpenChoreoGlobalConfiguration.DEFAULT_POLL_INTERVAL_SECONDS);
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> config.setConnectTimeoutSeconds(0))
                .actual();
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> config.setResponseTimeoutSeconds(601)).actual();
        assertThat(config.doCheckMaxAttempts(50).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckPollIntervalSeconds(0).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckMaxAttempts(20).kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void theFormRefusesABadValueBeforeBindingAnything() throws Exception {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        String api = config.getApiUrl();
        JSONObject form = new JSONObject();
        form.put("apiUrl", "https://elsewhere.example.com");
        form.put("maxAttempts", "50");
        Descriptor.FormException e = assertThatExceptionOfType(Descriptor.FormException.class)
                .isThrownBy(() -> config.configure((StaplerRequest2) null, form)).actual();
        assertThat(e.getFormField()).isEqualTo("maxAttempts");
        assertThat(e.getMessage().contains("from 1 to 20")).as(e.getMessage()).isTrue();
        assertThat(config.getApiUrl()).as("nothing bound").isEqualTo(api);

        JSONObject timeout = new JSONObject();
        timeout.put("waitTimeout", "soon");
        Descriptor.FormException t = assertThatExceptionOfType(Descriptor.FormException.class)
                .isThrownBy(() -> config.configure((StaplerRequest2) null, timeout)).actual();
        assertThat(t.getFormField()).isEqualTo("waitTimeout");
    }

    @Test
    void settersDoNotSaveAndTheFormSavesOnceAndForgetsTokens() throws Exception {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.save();
        config.setDefaultProject("unsaved");
        assertThat(savedXml().contains("unsaved")).as("a setter alone writes nothing").isFalse();

        WorkflowJob job = j.createProject(WorkflowJob.class, "tokens");
        job.setDefinition(new CpsFlowDefinition(
                "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'", true));
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        assertThat(sandbox.count(Route.TOKEN)).as("the token is cached between deploys").isEqualTo(1);
        config.setScope(null); // a setter does not forget tokens
        j.buildAndAssertSuccess(job);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);

        j.configRoundtrip(); // submits the form: binds, saves once, forgets tokens
        assertThat(savedXml().contains("<defaultProject>unsaved</defaultProject>")).as("saved by the form").isTrue();
        j.buildAndAssertSuccess(job);
        assertThat(sandbox.count(Route.TOKEN)).as("a saved configuration forgets cached tokens").isEqualTo(2);
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
        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage().contains("maxAttempts must be a whole number from 1 to 20")).as(bad.getMessage())
                .isTrue();
        assertThat(sandbox.count(Route.TOKEN)).as("refused before any request").isEqualTo(0);
        FormValidation ok = testConnection("5", "5", "1");
        assertThat(ok.kind).as(ok.getMessage()).isEqualTo(FormValidation.Kind.OK);
        assertThat(ok.getMessage().contains("(null)")).isFalse();
        FormValidation unreachable = OpenChoreoGlobalConfiguration.get().doTestConnection("http://127.0.0.1:1",
                "http://127.0.0.1:1/token", SandboxFixture.CREDENTIALS_ID, "default", "auto", null, null, null,
                "1", "1", "1");
        assertThat(unreachable.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(unreachable.getMessage().contains("(null)")).as(unreachable.getMessage()).isFalse();
    }

    @Test
    void testConnectionReportsIdentityForAdministrators() {
        secure();
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            FormValidation result = testConnection();
            assertThat(result.kind).as(result.getMessage()).isEqualTo(FormValidation.Kind.OK);
            assertThat(result.getMessage().contains("Connected to")).as(result.getMessage()).isTrue();
        }
    }

    @Test
    void testConnectionIsAdministratorsOnly() {
        secure();
        try (ACLContext ignored = ACL.as(User.getById("dev", true))) {
            assertThatExceptionOfType(AccessDeniedException3.class).isThrownBy(this::testConnection).actual();
        }
    }

    @Test
    void testConnectionRefusesGet() throws Exception {
        secure();
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            Page page = wc.goTo("descriptorByName/" + OpenChoreoGlobalConfiguration.class.getName()
                    + "/testConnection?apiUrl=http://127.0.0.1:1&credentialsId=" + SandboxFixture.CREDENTIALS_ID, null);
            assertThat(page.getWebResponse().getStatusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void credentialsListedOnlyToAdministrators() {
        secure();
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        try (ACLContext ignored = ACL.as(User.getById("dev", true))) {
            ListBoxModel items = config.doFillCredentialsIdItems("current", null, null);
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.get(0).value).isEqualTo("current");
        }
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            ListBoxModel items = config.doFillCredentialsIdItems(null, null, null);
            assertThat(items.stream().anyMatch(o -> SandboxFixture.CREDENTIALS_ID.equals(o.value))).isTrue();
        }
    }

    @Test
    void urlValidation() {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        assertThat(config.doCheckApiUrl("").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckApiUrl("ftp://example.com").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckPortalUrl("https://user:pw@example.com").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckTokenUrl("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(config.doCheckApiUrl("https://api.example.com").kind).isEqualTo(FormValidation.Kind.OK);
    }
}
