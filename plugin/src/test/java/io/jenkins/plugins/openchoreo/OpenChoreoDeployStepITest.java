package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The openchoreoDeploy Pipeline step against the sandbox. */
@WithJenkins
class OpenChoreoDeployStepITest {

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

    private WorkflowRun run(WorkflowJob job, String script, Result expected) throws Exception {
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

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
        assertTrue(sandbox.workload("default", "greeter-workload").orElseThrow().toString()
                .contains("registry.example.com/greeter:1"));
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
        assertEquals(2, actions.size());
        assertEquals("updated", actions.get(1).getOutcome());
        assertEquals(2, run.getBadgeActions().size());
        // The annotation hint is printed once per build, not once per deploy.
        String log = JenkinsRule.getLog(run);
        assertEquals(log.indexOf("jenkins.io/job-full-name"), log.lastIndexOf("jenkins.io/job-full-name"));
    }

    @Test
    void noSecretInLogOrBuildXml() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "secrets");
        WorkflowRun run = run(job, "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'",
                Result.SUCCESS);
        String secret = SandboxFixture.secret(sandbox);
        j.assertLogNotContains(secret, run);
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertFalse(buildXml.contains(secret));
        assertFalse(buildXml.contains("eyJ"), "no token in build.xml");
    }

    @Test
    void failsWithMessageAndHintWithoutStackTrace() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "missing");
        WorkflowRun run = run(job, "openchoreoDeploy component: 'greeter', namespace: 'ghost', image: 'r/g:1'",
                Result.FAILURE);
        j.assertLogContains("Hint:", run);
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", run);
    }

    @Test
    void aModeTypoFailsTheBuildWithTheAcceptedValuesNotAStackTrace() throws Exception {
        OpenChoreoDeployStep step = new OpenChoreoDeployStep("greeter", "r/g:1");
        step.setMode("imge-only"); // no exception when the step is made
        assertEquals("imge-only", step.getMode());
        step.setMode("AUTO");
        assertEquals(null, step.getMode(), "auto, the default, is kept as null");

        WorkflowJob job = j.createProject(WorkflowJob.class, "mode-typo");
        WorkflowRun run = run(job, "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/g:1', "
                + "mode: 'imge-only'", Result.FAILURE);
        j.assertLogContains("Unknown mode \"imge-only\": use auto, image-only or replace", run);
        j.assertLogNotContains("\tat ", run);
        j.assertLogNotContains("IllegalArgumentException", run);
        assertFalse(sandbox.workload("default", "greeter-workload").isPresent());

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
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-node");
        WorkflowRun run = run(job, "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/g:1', "
                + "descriptorPath: 'workload.yaml'", Result.FAILURE);
        j.assertLogContains("inside node", run);
    }

    @Test
    void buildPageShowsSummaryAndPortalLink() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "page");
        WorkflowRun run = run(job, "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1'",
                Result.SUCCESS);
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(run);
            String html = page.getWebResponse().getContentAsString();
            assertTrue(html.contains("href=\"" + SandboxFixture.GREETER_PORTAL_LINK + "\""), html);
            assertTrue(html.contains("greeter-workload"));
        }
        OpenChoreoDeployAction action = run.getAction(OpenChoreoDeployAction.class);
        assertEquals(SandboxFixture.GREETER_PORTAL_LINK, action.getSafePortalUrl());
        assertEquals(List.of(action), run.getBadgeActions());
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
