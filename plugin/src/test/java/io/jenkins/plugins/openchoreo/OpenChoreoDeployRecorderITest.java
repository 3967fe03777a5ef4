package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.util.FormValidation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.UnstableBuilder;

/**
 * The freestyle post-build action: same execution as the step, ${VAR} expansion (the mode too),
 * skipped after a failure, and after an UNSTABLE result unless deployUnstable.
 */
class OpenChoreoDeployRecorderITest extends SandboxedJenkinsTest {

    private static OpenChoreoDeployRecorder greeter() {
        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter",
                "registry.example.com/greeter:${BUILD_NUMBER}");
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
        assertThat(sandbox.workload("default", "greeter-workload").orElseThrow().toString()
                .contains("registry.example.com/greeter:1")).isTrue();
        assertThat(build.getAction(OpenChoreoDeployAction.class).getImage())
                .isEqualTo("registry.example.com/greeter:1");
    }

    @Test
    void skippedWhenTheBuildFailed() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("broken");
        project.getBuildersList().add(new FailureBuilder());
        project.getPublishersList().add(greeter());
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("Not deploying", build);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isFalse();
    }

    @Test
    void unstableBuildsDeployOnlyWhenAskedTo() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("unstable");
        project.getBuildersList().add(new UnstableBuilder());
        OpenChoreoDeployRecorder recorder = greeter();
        project.getPublishersList().add(recorder);
        FreeStyleBuild skipped = j.buildAndAssertStatus(Result.UNSTABLE, project);
        j.assertLogContains("Not deploying: the build is UNSTABLE", skipped);
        j.assertLogContains("deployUnstable", skipped);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isFalse();

        recorder.setDeployUnstable(true);
        FreeStyleBuild deployed = j.buildAndAssertStatus(Result.UNSTABLE, project);
        j.assertLogContains("Created Workload default/greeter-workload", deployed);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isTrue();
    }

    @Test
    void modeIsReadWhenTheBuildRunsSoAVariableWorksAndATypoFailsCleanly() throws Exception {
        OpenChoreoDeployRecorder recorder = greeter();
        recorder.setMode("${MODE}"); // kept as written: no exception when the action is made
        assertThat(recorder.getMode()).isEqualTo("${MODE}");
        FreeStyleProject project = j.createFreeStyleProject("mode-variable");
        project.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("MODE", "replace")));
        project.getPublishersList().add(recorder);
        FreeStyleBuild build = j.buildAndAssertSuccess(project); // "${MODE}" itself would be an unknown mode
        j.assertLogNotContains("Unknown mode", build);

        project.removeProperty(ParametersDefinitionProperty.class);
        project.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("MODE", "imge-only")));
        FreeStyleBuild typo = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("Unknown mode \"imge-only\": use auto, image-only or replace", typo);
        j.assertLogNotContains("\tat ", typo);

        OpenChoreoDeployRecorder.DescriptorImpl descriptor = j.jenkins
                .getDescriptorByType(OpenChoreoDeployRecorder.DescriptorImpl.class);
        assertThat(descriptor.doCheckMode("imge-only").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckMode("${MODE}").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckMode("image-only").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckMode("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doFillModeItems().containsAll(List.of("auto", "image-only", "replace"))).isTrue();
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
        recorder.setDeployUnstable(true);
        FreeStyleProject project = j.createFreeStyleProject();
        project.getPublishersList().add(recorder);
        project = j.configRoundtrip(project);
        j.assertEqualDataBoundBeans(recorder, project.getPublishersList().get(OpenChoreoDeployRecorder.class));
    }
}
