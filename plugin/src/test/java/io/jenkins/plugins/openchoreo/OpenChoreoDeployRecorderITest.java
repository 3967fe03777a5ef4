package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle post-build action: same execution as the step, ${VAR} expansion, skipped after a failure. */
@WithJenkins
class OpenChoreoDeployRecorderITest {

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

    private static OpenChoreoDeployRecorder greeter() {
        OpenChoreoDeployRecorder recorder =
                new OpenChoreoDeployRecorder("greeter", "registry.example.com/greeter:${BUILD_NUMBER}");
        recorder.setProject("shop");
        return recorder;
    }

    @Test
    void deploysWithExpandedVariables() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("greeter-freestyle");
        project.getPublishersList().add(greeter());
        FreeStyleBuild build = j.buildAndAssertSuccess(project);
        j.assertLogContains("Created Workload default/greeter-workload", build);
        j.assertLogNotContains(SandboxFixture.secret(sandbox), build);
        assertTrue(sandbox.workload("default", "greeter-workload").orElseThrow().toString()
                .contains("registry.example.com/greeter:1"));
        assertEquals("registry.example.com/greeter:1", build.getAction(OpenChoreoDeployAction.class).getImage());
    }

    @Test
    void skippedWhenTheBuildFailed() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("broken");
        project.getBuildersList().add(new FailureBuilder());
        project.getPublishersList().add(greeter());
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("Not deploying", build);
        assertFalse(sandbox.workload("default", "greeter-workload").isPresent());
    }

    @Test
    void configRoundTrip() throws Exception {
        OpenChoreoDeployRecorder recorder = greeter();
        recorder.setNamespace("acme");
        recorder.setCredentialsId(SandboxFixture.CREDENTIALS_ID);
        recorder.setMode("image-only");
        recorder.setDryRun(true);
        recorder.setWorkflowRun("build-42");
        recorder.setApiUrl("https://api.example.org");
        FreeStyleProject project = j.createFreeStyleProject();
        project.getPublishersList().add(recorder);
        project = j.configRoundtrip(project);
        j.assertEqualDataBoundBeans(recorder, project.getPublishersList().get(OpenChoreoDeployRecorder.class));
    }
}
