package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Result;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The openchoreoDeploy Pipeline step against the sandbox. */
class OpenChoreoDeployStepITest extends SandboxedJenkinsTest {

    @Test
    void deploysAndReturnsPlainMap() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "greeter-ci");
        WorkflowRun run = run(job, """
                def r = openchoreoDeploy component: 'greeter', project: 'shop', image: 'registry.example.com/greeter:1'
                echo "outcome=${r.outcome} workload=${r.workloadName} image=${r.image} portal=${r.portalUrl}"
                """, Result.SUCCESS);
        j.assertLogContains("outcome=created workload=greeter-workload image=registry.example.com/greeter:1", run);
        j.assertLogContains("portal=" + SandboxFixture.GREETER_PORTAL_LINK, run);
        j.assertLogContains("jenkins.io/job-full-name: greeter-ci", run);
        assertThat(sandbox.workload("default", "greeter-workload").orElseThrow().toString()
                .contains("registry.example.com/greeter:1")).isTrue();
    }

    @Test
    void secondDeployUpdatesAndEachDeployGetsAnAction() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "twice");
        WorkflowRun run = run(job, """
                openchoreoDeploy component: 'greeter', project: 'shop', image: 'registry.example.com/greeter:1'
                def r = openchoreoDeploy component: 'greeter', project: 'shop', image: 'registry.example.com/greeter:2'
                echo "second=${r.outcome} previous=${r.previousImage}"
                """, Result.SUCCESS);
        j.assertLogContains("second=updated previous=registry.example.com/greeter:1", run);
        List<OpenChoreoDeployAction> actions = run.getActions(OpenChoreoDeployAction.class);
        assertThat(actions.size()).isEqualTo(2);
        assertThat(actions.get(1).getOutcome()).isEqualTo("updated");
        assertThat(run.getBadgeActions().size()).isEqualTo(2);
        // The annotation hint is printed once per build, not once per deploy.
        String log = JenkinsRule.getLog(run);
        assertThat(log.lastIndexOf("jenkins.io/job-full-name")).isEqualTo(log.indexOf("jenkins.io/job-full-name"));
    }

    @Test
    void noSecretInLogOrBuildXml() throws Exception {
        WorkflowRun run = run("secrets", "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'",
                Result.SUCCESS);
        String secret = SandboxFixture.secret(sandbox);
        j.assertLogNotContains(secret, run);
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertThat(buildXml.contains(secret)).isFalse();
        assertThat(buildXml.contains("eyJ")).as("no token in build.xml").isFalse();
    }

    @Test
    void failsWithMessageAndHintWithoutStackTrace() throws Exception {
        WorkflowRun run = run("missing", "openchoreoDeploy component: 'greeter', namespace: 'ghost', image: 'r/g:1'",
                Result.FAILURE);
        j.assertLogContains("Hint:", run);
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", run);
    }

    @Test
    void aModeTypoFailsTheBuildWithTheAcceptedValuesNotAStackTrace() throws Exception {
        OpenChoreoDeployStep step = new OpenChoreoDeployStep("greeter", "r/g:1");
        step.setMode("imge-only"); // no exception when the step is made
        assertThat(step.getMode()).isEqualTo("imge-only");
        step.setMode("AUTO");
        assertThat(step.getMode()).as("auto, the default, is kept as null").isEqualTo(null);

        WorkflowJob job = j.createProject(WorkflowJob.class, "mode-typo");
        WorkflowRun run = run(job, "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/g:1', "
                + "mode: 'imge-only'", Result.FAILURE);
        j.assertLogContains("Unknown mode \"imge-only\": use auto, image-only or replace", run);
        j.assertLogNotContains("\tat ", run);
        j.assertLogNotContains("IllegalArgumentException", run);
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isFalse();

        WorkflowRun ok = run(job, "def r = openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/g:1', "
                + "mode: 'Image_Only'\necho \"mode=${r.mode}\"", Result.SUCCESS);
        j.assertLogContains("mode=image-only", ok);
    }

    @Test
    void usesFolderCredentials() throws Exception {
        Folder folder = j.jenkins.createProject(Folder.class, "team");
        SandboxFixture.addClientCredentials(folder, "team-client", sandbox);
        WorkflowJob inFolder = folder.createProject(WorkflowJob.class, "app");
        run(inFolder, "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1', "
                + "credentialsId: 'team-client'", Result.SUCCESS);

        WorkflowJob outside = j.createProject(WorkflowJob.class, "outside");
        WorkflowRun denied = run(outside, "openchoreoDeploy component: 'greeter', project: 'shop', "
                + "image: 'r/greeter:1', credentialsId: 'team-client'", Result.FAILURE);
        j.assertLogContains("No credentials with id \"team-client\"", denied);
    }

    @Test
    void descriptorNeedsANode() throws Exception {
        WorkflowRun run = run("no-node", "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/g:1', "
                + "descriptorPath: 'workload.yaml'", Result.FAILURE);
        j.assertLogContains("inside node", run);
    }

    @Test
    void buildPageShowsSummaryAndPortalLink() throws Exception {
        WorkflowRun run = run("page", "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'",
                Result.SUCCESS);
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(run);
            String html = page.getWebResponse().getContentAsString();
            assertThat(html.contains("href=\"" + SandboxFixture.GREETER_PORTAL_LINK + "\"")).as(html).isTrue();
            assertThat(html.contains("greeter-workload")).isTrue();
        }
        OpenChoreoDeployAction action = run.getAction(OpenChoreoDeployAction.class);
        assertThat(action.getSafePortalUrl()).isEqualTo(SandboxFixture.GREETER_PORTAL_LINK);
        assertThat(run.getBadgeActions()).isEqualTo(List.of(action));
    }

    @Test
    void snippetAndConfigRoundTrip() throws Exception {
        OpenChoreoDeployStep step = new OpenChoreoDeployStep("greeter", "r/greeter:1");
        step.setNamespace("acme");
        step.setProject("shop");
        new SnippetizerTester(j).assertRoundTrip(step,
                "openchoreoDeploy component: 'greeter', image: 'r/greeter:1', namespace: 'acme', project: 'shop'");

        step.setCredentialsId(SandboxFixture.CREDENTIALS_ID);
        step.setMode("replace");
        step.setDryRun(true);
        step.setEnv("A=1");
        step.setLabels("team=shop");
        step.setPortalUrl("https://portal.example.org");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }
}
