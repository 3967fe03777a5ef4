package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.UnstableBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle promote action: same execution as the step, ${VAR} expansion, skipped unless fit to ship. */
@WithJenkins
class OpenChoreoPromoteRecorderITest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private Sandbox sandbox;
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sandbox = SANDBOX.get();
        SandboxFixture.reset(sandbox);
        SandboxFixture.configure(sandbox);
        SandboxFixture.addPromoterCredentials(sandbox);
    }

    private static OpenChoreoPromoteRecorder promoter(String to) {
        OpenChoreoPromoteRecorder recorder = new OpenChoreoPromoteRecorder("greeter", "development", to);
        recorder.setProject("shop");
        recorder.setCredentialsId(SandboxFixture.PROMOTER_CREDENTIALS_ID);
        return recorder;
    }

    @Test
    void promotesWithTheTargetFromABuildParameter() throws Exception {
        String release = SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");
        FreeStyleProject project = j.createFreeStyleProject();
        project.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("TARGET", "staging")));
        project.getPublishersList().add(promoter("${TARGET}"));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("Created ReleaseBinding default/greeter-staging", build);
        assertEquals(release, sandbox.releaseBinding("default", "greeter-staging").orElseThrow()
                .at("/spec/releaseName").asText());
        OpenChoreoPromoteAction action = build.getAction(OpenChoreoPromoteAction.class);
        assertEquals("staging", action.getTo());
        assertEquals("created", action.getOutcome());
    }

    @Test
    void anUnstableBuildDoesNotPromoteUnlessAsked() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new UnstableBuilder());
        OpenChoreoPromoteRecorder recorder = promoter("staging");
        project.getPublishersList().add(recorder);

        FreeStyleBuild skipped = j.buildAndAssertStatus(Result.UNSTABLE, project);
        j.assertLogContains("Not promoting: the build is UNSTABLE", skipped);
        assertEquals(0, sandbox.count(Route.RELEASEBINDING_CREATE));

        recorder.setPromoteUnstable(true);
        FreeStyleBuild promoted = j.buildAndAssertStatus(Result.UNSTABLE, project);
        j.assertLogContains("Created ReleaseBinding default/greeter-staging", promoted);
    }

    @Test
    void aRefusedPathFailsTheBuildWithoutAStackTrace() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");
        FreeStyleProject project = j.createFreeStyleProject();
        project.getPublishersList().add(promoter("production"));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("allowed targets from development: staging", build);
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", build);
        assertFalse(sandbox.releaseBinding("default", "greeter-production").isPresent());
    }

    @Test
    void configRoundTrip() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        OpenChoreoPromoteRecorder recorder = promoter("staging");
        recorder.setRelease("greeter-1a2b3c4d5e");
        recorder.setWait(true);
        recorder.setWaitTimeout("10m");
        recorder.setPromoteUnstable(true);
        project.getPublishersList().add(recorder);

        j.configRoundtrip(project);

        j.assertEqualDataBoundBeans(recorder, project.getPublishersList().get(OpenChoreoPromoteRecorder.class));
    }
}
