package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.UnstableBuilder;

/** The freestyle promote action: same execution as the step, ${VAR} expansion, skipped unless fit to ship. */
class OpenChoreoPromoteRecorderITest extends SandboxedJenkinsTest {

    @BeforeEach
    void setUp() throws Exception {
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
        assertThat(sandbox.releaseBinding("default", "greeter-staging").orElseThrow()
                .at("/spec/releaseName").asText()).isEqualTo(release);
        OpenChoreoPromoteAction action = build.getAction(OpenChoreoPromoteAction.class);
        assertThat(action.getTo()).isEqualTo("staging");
        assertThat(action.getOutcome()).isEqualTo("created");
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
        assertThat(sandbox.count(Route.RELEASEBINDING_CREATE)).isEqualTo(0);

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
        assertThat(sandbox.releaseBinding("default", "greeter-production").isPresent()).isFalse();
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
