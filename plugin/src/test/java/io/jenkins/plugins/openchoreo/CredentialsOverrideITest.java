package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/**
 * Where a job may send a secret: URL overrides need the job's own credentials (never the global
 * default, even named by id), an API URL override with a client secret needs an explicit token
 * URL, and credential domains restrict the hosts of every URL the secret goes to.
 */
class CredentialsOverrideITest extends SandboxedJenkinsTest {

    private static String deploy(String more) {
        return "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1', " + more;
    }

    private void nothingSent() {
        assertThat(sandbox.count(Route.TOKEN)).as("no secret was sent").isEqualTo(0);
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(0);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isFalse();
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
        assertThat(sandbox.count(Route.PROTECTED_RESOURCE)).as("no discovery on the overridden API").isEqualTo(0);
        nothingSent();

        run(deploy("credentialsId: 'own-client', apiUrl: '" + api + "', tokenUrl: '" + sandbox.tokenUrl() + "'"),
                Result.SUCCESS);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isTrue();
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
