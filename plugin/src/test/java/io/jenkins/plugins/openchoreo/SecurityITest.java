package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.ParameterDefinition;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.User;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The plugin's side of issue 14: who may pick a credential through a parameter, which token
 * endpoint a secret may go to, what the credentials list offers, and the portal hint under
 * {@code parallel}.
 */
class SecurityITest extends SandboxedJenkinsTest {

    private void nothingSent() {
        assertThat(sandbox.count(Route.TOKEN)).as("no secret was sent").isEqualTo(0);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isFalse();
    }

    /** A freestyle job whose credentials come from a credentials parameter OC_CRED. */
    private FreeStyleProject parameterizedJob() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("with-credentials-parameter");
        project.addProperty(new ParametersDefinitionProperty(credentialsParameter("OC_CRED")));
        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter", "r/greeter:1");
        recorder.setProject("shop");
        recorder.setCredentialsId("${OC_CRED}");
        project.getPublishersList().add(recorder);
        return project;
    }

    /**
     * {@code new CredentialsParameterDefinition(name, null, null, IdCredentials.class.getName(), true)}
     * (credentials-plugin: CredentialsParameterDefinition.java), made by reflection only because the
     * class files this module is compile-checked against here lack that class; Jenkins has it.
     */
    private static ParameterDefinition credentialsParameter(String name) throws Exception {
        return (ParameterDefinition) Class.forName("com.cloudbees.plugins.credentials.CredentialsParameterDefinition")
                .getConstructor(String.class, String.class, String.class, String.class, boolean.class)
                .newInstance(name, null, null, IdCredentials.class.getName(), true);
    }

    private FreeStyleBuild buildAs(FreeStyleProject project, String user, String credentialsId, Result expected)
            throws Exception {
        return j.assertBuildStatus(expected, project.scheduleBuild2(0, new Cause.UserIdCause(user),
                new ParametersAction(new CredentialsParameterValue("OC_CRED", credentialsId, null))));
    }

    @Test
    void aCredentialsParameterNeedsTheStartingUsersPermissionToUseTheCredential() throws Exception {
        // Finding 1: the recorder expanded ${OC_CRED} itself, so the credentials plugin saw a fixed id,
        // looked it up with the job's authority and never asked whether alice may use it.
        SandboxFixture.addClientCredentials(j.jenkins, "admins-client", sandbox);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice"));
        User.getById("alice", true);
        User.getById("admin", true);
        FreeStyleProject project = parameterizedJob();

        FreeStyleBuild refused = buildAs(project, "alice", "admins-client", Result.FAILURE);
        j.assertLogContains("No credentials with id \"${OC_CRED}\"", refused);
        nothingSent();

        // The same build started by a user who may use the job's credentials deploys.
        buildAs(project, "admin", "admins-client", Result.SUCCESS);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isTrue();
    }

    @Test
    void aDiscoveredTokenEndpointIsCheckedAgainstTheCredentialsDomainBeforeTheSecretGoesThere() throws Exception {
        // Finding 6: without a configured token URL, only the API URL's host was checked.
        SandboxFixture.addHostRestrictedClientCredentials("restricted", "127.0.0.1", sandbox);
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.setTokenUrl(null);
        config.setCredentialsId("restricted");
        String otherHost = sandbox.tokenUrl().toString().replace("127.0.0.1", "localhost");
        sandbox.faults().add(Fault.on(Route.OIDC_DISCOVERY).body("application/json",
                "{\"token_endpoint\":\"" + otherHost + "\"}").times(2));
        WorkflowJob job = j.createProject(WorkflowJob.class, "discovered");
        job.setDefinition(new CpsFlowDefinition(
                "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'", true));
        WorkflowRun denied = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        j.assertLogContains("may not be sent to the token endpoint " + otherHost, denied);
        nothingSent();

        FormValidation check = config.doTestConnection(sandbox.apiUrl().toString(), "", "restricted", "", "", "", "",
                "", "", "", "");
        assertThat(check.kind).as(check.getMessage()).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(check.getMessage().contains("may not be sent to the token endpoint")).as(check.getMessage())
                .isTrue();
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(0);

        sandbox.faults().clear();
        OpenChoreoEngineHolder.engine().clearTokens(); // forgets the discovered endpoint
        j.buildAndAssertSuccess(job); // discovered on its own host, the sandbox's 127.0.0.1: allowed
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
    }

    @Test
    void theCredentialsListOffersOnlyWhatTheBuildWouldFindForBothUrls() throws Exception {
        // Finding 10: the list was filtered by the API URL's host only.
        SandboxFixture.addHostRestrictedClientCredentials("restricted", "127.0.0.1", sandbox);
        String api = sandbox.apiUrl().toString();
        String token = sandbox.tokenUrl().toString();
        FreeStyleProject project = j.createFreeStyleProject("form");
        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter", "r/greeter:1");
        project.getPublishersList().add(recorder);
        OpenChoreoDeployRecorder.DescriptorImpl descriptor = j.jenkins
                .getDescriptorByType(OpenChoreoDeployRecorder.DescriptorImpl.class);
        assertThat(values(descriptor.doFillCredentialsIdItems(project, "", api, token)).contains("restricted"))
                .isTrue();
        assertThat(values(descriptor.doFillCredentialsIdItems(project, "", api,
                token.replace("127.0.0.1", "localhost"))).contains("restricted")).isFalse();
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        assertThat(values(config.doFillCredentialsIdItems("", api, token.replace("127.0.0.1", "localhost")))
                .contains("restricted")).isFalse();
        assertThat(values(config.doFillCredentialsIdItems("", api, token)).contains("restricted")).isTrue();

        // The token URL field refills the list: it is one of the fields the list depends on.
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(project, "configure");
            DomElement select = page.getElementsByName("_.credentialsId").get(0);
            assertThat(select.getAttribute("fillDependsOn").contains("tokenUrl")).as(select.asXml()).isTrue();
        }
    }

    private static java.util.List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    @Test
    void parallelDeploysOfOneBuildPrintThePortalHintOnce() throws Exception {
        // Finding 12: "no action yet?" and "add the action" were two steps; branches that finished
        // together each saw no action and each printed the hint.
        StringBuilder branches = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            sandbox.addComponent("default", "shop", "c" + i);
            branches.append(i == 1 ? "" : ", ").append("b").append(i).append(": { openchoreoDeploy component: 'c")
                    .append(i).append("', project: 'shop', image: 'r/c").append(i).append(":1' }");
        }
        sandbox.setLatency(Duration.ofMillis(300)); // every branch waits as long, so they finish together
        WorkflowJob job = j.createProject(WorkflowJob.class, "parallel-deploys");
        job.setDefinition(new CpsFlowDefinition("parallel " + branches, true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        String log = JenkinsRule.getLog(run);
        assertThat(run.getActions(OpenChoreoDeployAction.class).size()).isEqualTo(6);
        assertThat(log.split("jenkins.io/job-full-name: parallel-deploys", -1).length - 1).as(log).isEqualTo(1);
    }
}
