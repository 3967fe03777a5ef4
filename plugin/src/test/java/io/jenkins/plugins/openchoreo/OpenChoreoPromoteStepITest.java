package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The openchoreoPromote Pipeline step against the sandbox. */
class OpenChoreoPromoteStepITest extends SandboxedJenkinsTest {

    @BeforeEach
    void setUp() throws Exception {
        SandboxFixture.addPromoterCredentials(sandbox);
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
        assertThat(sandbox.count(Route.RELEASEBINDING_CREATE)).isEqualTo(1);
        assertThat(sandbox.count(Route.RELEASEBINDING_UPDATE)).isEqualTo(0);
        assertThat(sandbox.releaseBinding("default", "greeter-staging").orElseThrow()
                .at("/spec/releaseName").asText()).isEqualTo(release);
        List<OpenChoreoPromoteAction> actions = run.getActions(OpenChoreoPromoteAction.class);
        assertThat(actions.size()).isEqualTo(2);
        assertThat(actions.get(0).getOutcome()).isEqualTo("created");
        assertThat(actions.get(1).getOutcome()).isEqualTo("unchanged");
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
        assertThat(sandbox.releaseBinding("default", "greeter-staging").isPresent()).isFalse();
    }

    @Test
    void aPathThePipelineLacksFailsTheBuildNamingTheAllowedTargets() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("openchoreoPromote component: 'greeter', project: 'shop', from: 'development', "
                + "to: 'production', credentialsId: 'openchoreo-promoter'", Result.FAILURE);

        j.assertLogContains("has no promotion path development → production; allowed targets from development: "
                + "staging", run);
        assertThat(sandbox.count(Route.RELEASEBINDING_CREATE) + sandbox.count(Route.RELEASEBINDING_UPDATE))
                .isEqualTo(0);
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
        assertThat(action.isReady()).isTrue();
        assertThat(action.getEndpoints().get(0).getName()).isEqualTo("api");
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(run);
            String html = page.getWebResponse().getContentAsString();
            assertThat(html.contains("development → staging")).as(html).isTrue();
            assertThat(html.contains("staging-default.openchoreo.localhost")).as(html).isTrue();
        }
    }

    @Test
    void aDryRunWritesNothingAndNoSecretReachesTheLogOrBuildXml() throws Exception {
        SandboxFixture.deployedInDevelopment(sandbox, "registry.example.com/greeter:1");

        WorkflowRun run = run("def r = openchoreoPromote component: 'greeter', project: 'shop', from: 'development', "
                + "to: 'staging', credentialsId: 'openchoreo-promoter', dryRun: true\necho \"dry=${r.dryRun} "
                + "outcome=${r.outcome}\"", Result.SUCCESS);

        j.assertLogContains("dry=true outcome=created", run);
        assertThat(sandbox.releaseBinding("default", "greeter-staging").isPresent()).isFalse();
        j.assertLogNotContains(SandboxFixture.PROMOTER_SECRET, run);
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertThat(buildXml.contains(SandboxFixture.PROMOTER_SECRET)).isFalse();
        assertThat(buildXml.contains("eyJ")).as("no token in build.xml").isFalse();
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
