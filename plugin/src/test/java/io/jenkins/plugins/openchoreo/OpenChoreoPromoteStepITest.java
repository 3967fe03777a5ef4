package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
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

/** The openchoreoPromote Pipeline step against the sandbox. */
@WithJenkins
class OpenChoreoPromoteStepITest {

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
        SandboxFixture.addPromoterCredentials(sandbox);
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    @Test
    void promotesAndReturnsTheMapThenLeavesAnUnchangedTargetAlone() throws Exception {
        String release = SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("""
                def r = openchoreoPromote component: 'greeter', project: 'shop', from: 'development', to: 'staging',
                        credentialsId: 'openchoreo-promoter'
                echo "outcome=${r.outcome} release=${r.release} environment=${r.environment} from=${r.from}"
                def again = openchoreoPromote component: 'greeter', project: 'shop', from: 'development',
                        to: 'staging', credentialsId: 'openchoreo-promoter'
                echo "again=${again.outcome}"
                """, Result.SUCCESS);

        j.assertLogContains("outcome=created release=" + release + " environment=staging from=development", run);
        j.assertLogContains("again=unchanged", run);
        assertEquals(1, sandbox.count(Route.RELEASEBINDING_CREATE));
        assertEquals(0, sandbox.count(Route.RELEASEBINDING_UPDATE));
        assertEquals(release, sandbox.releaseBinding("default", "greeter-staging").orElseThrow()
                .at("/spec/releaseName").asText());
        List<OpenChoreoPromoteAction> actions = run.getActions(OpenChoreoPromoteAction.class);
        assertEquals(2, actions.size());
        assertEquals("created", actions.get(0).getOutcome());
        assertEquals("unchanged", actions.get(1).getOutcome());
    }

    @Test
    void theDeployCredentialIsRefusedWithThePermissionAndTheRoleToBind() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("openchoreoPromote component: 'greeter', project: 'shop', from: 'development', "
                + "to: 'staging'", Result.FAILURE);

        j.assertLogContains("reading project shop needs project:view", run);
        j.assertLogContains("Hint: Promotion needs project:view, deploymentpipeline:view, releasebinding:view, "
                + "releasebinding:create and releasebinding:update", run);
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", run);
        assertFalse(sandbox.releaseBinding("default", "greeter-staging").isPresent());
    }

    @Test
    void aPathThePipelineLacksFailsTheBuildNamingTheAllowedTargets() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("openchoreoPromote component: 'greeter', project: 'shop', from: 'development', "
                + "to: 'production', credentialsId: 'openchoreo-promoter'", Result.FAILURE);

        j.assertLogContains("has no promotion path development → production; allowed targets from development: "
                + "staging", run);
        assertEquals(0, sandbox.count(Route.RELEASEBINDING_CREATE) + sandbox.count(Route.RELEASEBINDING_UPDATE));
    }

    @Test
    void waitsUntilReadyAndShowsTheEndpointsOnTheBuildPage() throws Exception {
        sandbox.setRolloutDelay(Duration.ofMillis(600));
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("""
                def r = openchoreoPromote component: 'greeter', project: 'shop', from: 'development', to: 'staging',
                        credentialsId: 'openchoreo-promoter', wait: true, waitTimeout: '60s'
                echo "ready=${r.ready} urls=${r.endpointUrls}"
                """, Result.SUCCESS);

        j.assertLogContains("ready=true urls=[http", run);
        j.assertLogContains("staging-default.openchoreo.localhost", run);
        OpenChoreoPromoteAction action = run.getAction(OpenChoreoPromoteAction.class);
        assertTrue(action.isReady());
        assertEquals("api", action.getEndpoints().get(0).getName());
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(run);
            String html = page.getWebResponse().getContentAsString();
            assertTrue(html.contains("development → staging"), html);
            assertTrue(html.contains("staging-default.openchoreo.localhost"), html);
        }
    }

    @Test
    void aDryRunWritesNothingAndNoSecretReachesTheLogOrBuildXml() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("def r = openchoreoPromote component: 'greeter', project: 'shop', from: 'development', "
                + "to: 'staging', credentialsId: 'openchoreo-promoter', dryRun: true\necho \"dry=${r.dryRun} "
                + "outcome=${r.outcome}\"", Result.SUCCESS);

        j.assertLogContains("dry=true outcome=created", run);
        assertFalse(sandbox.releaseBinding("default", "greeter-staging").isPresent());
        j.assertLogNotContains(SandboxFixture.PROMOTER_SECRET, run);
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertFalse(buildXml.contains(SandboxFixture.PROMOTER_SECRET));
        assertFalse(buildXml.contains("eyJ"), "no token in build.xml");
    }

    @Test
    void snippetAndConfigRoundTrip() throws Exception {
        OpenChoreoPromoteStep step = new OpenChoreoPromoteStep("greeter", "development", "staging");
        step.setWait(true);
        new SnippetizerTester(j).assertRoundTrip(step,
                "openchoreoPromote component: 'greeter', from: 'development', to: 'staging', wait: true");

        step.setCredentialsId(SandboxFixture.PROMOTER_CREDENTIALS_ID);
        step.setRelease("greeter-1a2b3c4d5e");
        step.setNamespace("acme");
        step.setDryRun(true);
        step.setWaitTimeout("15m");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }
}
