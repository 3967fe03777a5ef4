package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Where a job may send a secret: URL overrides need the job's own credentials (never the global
 * default, even named by id), an API URL override with a client secret needs an explicit token
 * URL, and credential domains restrict the hosts of every URL the secret goes to.
 */
@WithJenkins
class CredentialsOverrideITest {

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

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    private static String deploy(String more) {
        return "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1', " + more;
    }

    private void nothingSent() {
        assertEquals(0, sandbox.count(Route.TOKEN), "no secret was sent");
        assertEquals(0, sandbox.count(Route.WORKLOAD_LIST));
        assertFalse(sandbox.workload("default", "greeter-workload").isPresent());
    }

    @Test
    void theDefaultCredentialsNamedByIdDoNotFollowAnOverride() throws Exception {
        String api = sandbox.apiUrl().toString();
        WorkflowRun tokenOverride = run(deploy("credentialsId: '" + SandboxFixture.CREDENTIALS_ID + "', tokenUrl: '"
                + sandbox.tokenUrl() + "'"), Result.FAILURE);
        j.assertLogContains("are the default credentials of the global configuration", tokenOverride);
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", tokenOverride);
        WorkflowRun both = run(deploy("credentialsId: '" + SandboxFixture.CREDENTIALS_ID + "', apiUrl: '" + api
                + "', tokenUrl: '" + sandbox.tokenUrl() + "'"), Result.FAILURE);
        j.assertLogContains("are the default credentials of the global configuration", both);
        nothingSent();
    }

    @Test
    void freestyleDefaultCredentialsNamedByIdDoNotFollowAnOverride() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter", "r/greeter:1");
        recorder.setProject("shop");
        recorder.setCredentialsId(SandboxFixture.CREDENTIALS_ID);
        recorder.setTokenUrl(sandbox.tokenUrl().toString());
        project.getPublishersList().add(recorder);
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("are the default credentials of the global configuration", build);
        nothingSent();
    }

    @Test
    void anApiOverrideWithAClientSecretNeedsATokenUrl() throws Exception {
        SandboxFixture.addClientCredentials(j.jenkins, "own-client", sandbox);
        String api = sandbox.apiUrl().toString();
        WorkflowRun denied = run(deploy("credentialsId: 'own-client', apiUrl: '" + api + "'"), Result.FAILURE);
        j.assertLogContains("must set tokenUrl too", denied);
        assertEquals(0, sandbox.count(Route.PROTECTED_RESOURCE), "no discovery on the overridden API");
        nothingSent();

        run(deploy("credentialsId: 'own-client', apiUrl: '" + api + "', tokenUrl: '" + sandbox.tokenUrl() + "'"),
                Result.SUCCESS);
        assertTrue(sandbox.workload("default", "greeter-workload").isPresent());
    }

    @Test
    void credentialDomainsRestrictTheTokenUrlAsWellAsTheApiUrl() throws Exception {
        // The sandbox listens on 127.0.0.1; "localhost" is the same server under a host the domain does not allow.
        SandboxFixture.addHostRestrictedClientCredentials("restricted", "127.0.0.1", sandbox);
        String api = sandbox.apiUrl().toString();
        String otherHostTokenUrl = sandbox.tokenUrl().toString().replace("127.0.0.1", "localhost");
        WorkflowRun denied = run(deploy("credentialsId: 'restricted', apiUrl: '" + api + "', tokenUrl: '"
                + otherHostTokenUrl + "'"), Result.FAILURE);
        j.assertLogContains("No credentials with id \"restricted\"", denied);
        nothingSent();

        WorkflowRun deniedApi = run(deploy("credentialsId: 'restricted', apiUrl: '"
                + api.replace("127.0.0.1", "localhost") + "', tokenUrl: '" + sandbox.tokenUrl() + "'"),
                Result.FAILURE);
        j.assertLogContains("No credentials with id \"restricted\"", deniedApi);
        nothingSent();

        run(deploy("credentialsId: 'restricted', apiUrl: '" + api + "', tokenUrl: '" + sandbox.tokenUrl() + "'"),
                Result.SUCCESS);
    }
}
