package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jenkins.branch.MultiBranchProject;
import jenkins.branch.OrganizationFolder;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMNavigator;
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

/**
 * Following a deploy to Ready (issue 10), the portal annotation hint, and the rule that URL
 * overrides need an explicit credentialsId, against the sandbox's release controller.
 */
@WithJenkins
class OpenChoreoWaitITest {

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
        SandboxFixture.addWatcherCredentials(sandbox);
        sandbox.setRolloutDelay(Duration.ofMillis(600));
        OpenChoreoGlobalConfiguration.get().setPollIntervalSeconds(1);
    }

    private WorkflowRun run(WorkflowJob job, String script, Result expected) throws Exception {
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    /** A Pipeline deploy of greeter with an external endpoint, with extra step arguments. */
    private static String deploy(String credentialsId, String more) {
        return "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1', endpoints: '"
                + SandboxFixture.API_ENDPOINT + "'" + (credentialsId == null ? "" : ", credentialsId: '"
                + credentialsId + "'") + (more.isEmpty() ? "" : ", " + more);
    }

    @Test
    void waitsUntilReadyAndReturnsTheEndpointUrls() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "ready");
        WorkflowRun run = run(job, "def r = " + deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "wait: true")
                + "\necho \"ready=${r.ready} release=${r.release} environment=${r.environment} "
                + "readyAt=${r.readyAt != null} urls=${r.endpointUrls}\"", Result.SUCCESS);
        j.assertLogContains("ready=true release=greeter-", run);
        j.assertLogContains("environment=development readyAt=true urls=[" + SandboxFixture.GREETER_URL + "]", run);
        j.assertLogContains("Endpoint api: " + SandboxFixture.GREETER_URL, run);

        OpenChoreoDeployAction action = run.getAction(OpenChoreoDeployAction.class);
        assertTrue(action.isReady());
        assertTrue(action.getRelease().startsWith("greeter-"), action.getRelease());
        assertEquals("development", action.getEnvironment());
        assertNotNull(action.getReadyAt());
        assertEquals(1, action.getEndpoints().size());
        assertEquals("api", action.getEndpoints().get(0).getName());
        assertEquals(SandboxFixture.GREETER_URL, action.getEndpoints().get(0).getSafeUrl());
        // Every URL the server gave is kept: the external gateway's http and https ones and the service URL.
        assertEquals(List.of("external http", "external https", "service"), action.getEndpoints().get(0).getUrls()
                .stream().map(OpenChoreoDeployAction.Link::getLabel).toList());

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(run);
            String html = page.getWebResponse().getContentAsString();
            assertTrue(html.contains("href=\"" + SandboxFixture.GREETER_URL + "\""), html);
            assertTrue(html.contains(action.getRelease()), html);
            assertTrue(html.contains("jenkins.io/job-full-name: ready"), html);
        }
    }

    @Test
    void withoutWaitNothingIsFollowed() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-wait");
        WorkflowRun run = run(job, "def r = " + deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "waitTimeout: '5m'")
                + "\necho \"ready=${r.ready} release=${r.release}\"", Result.SUCCESS);
        j.assertLogContains("ready=false release=null", run);
        j.assertLogContains("apply only when waiting", run);
        assertEquals(0, sandbox.count(Route.RELEASEBINDING_LIST));
        assertFalse(run.getAction(OpenChoreoDeployAction.class).isReady());
    }

    @Test
    void forbiddenWhileWaitingIsAWarningAndTheBuildStaysGreen() throws Exception {
        // The default credentials are the shipped CI role (workload-publisher): no component view.
        WorkflowJob job = j.createProject(WorkflowJob.class, "forbidden");
        WorkflowRun run = run(job, "def r = " + deploy(null, "wait: true") + "\necho \"ready=${r.ready}\"",
                Result.SUCCESS);
        j.assertLogContains("Warning: Not following the rollout: the client may not read component greeter (it lacks "
                + "component:view in namespace default).", run);
        j.assertLogNotContains("HTTP 403", run);
        j.assertLogContains("ready=false", run);
        assertTrue(sandbox.workload("default", "greeter-workload").isPresent());
    }

    @Test
    void strictWaitingFailsOnForbiddenBeforeWriting() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "strict");
        WorkflowRun run = run(job, deploy(null, "wait: true, strictWait: true"), Result.FAILURE);
        j.assertLogContains("component:view", run);
        j.assertLogContains("Hint:", run);
        assertEquals(0, sandbox.count(Route.WORKLOAD_CREATE));
        assertNull(run.getAction(OpenChoreoDeployAction.class));
    }

    @Test
    void timeoutNamesTheReasonEventsAndLogLines() throws Exception {
        sandbox.failRollouts("default", "greeter", "ImagePullBackOff", "Back-off pulling image \"r/greeter:1\"",
                List.of("pulling r/greeter:1", "manifest unknown"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "timeout");
        WorkflowRun run = run(job, deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "wait: true, waitTimeout: '3s'"),
                Result.FAILURE);
        j.assertLogContains("The Workload is written, but the rollout of component greeter is not Ready after 3 s",
                run);
        j.assertLogContains("container main waiting: ImagePullBackOff", run);
        j.assertLogContains("Warning ImagePullBackOff", run);
        j.assertLogNotContains("manifest unknown", run); // log lines only with showLogs

        j.assertLogContains("waitTimeout", run); // the hint
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", run);
    }

    @Test
    void showLogsAddsThePodsLogLinesToTheTimeout() throws Exception {
        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off restarting failed container",
                List.of("listening on :8080", "panic: cannot reach the database"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "timeout-logs");
        WorkflowRun run = run(job, deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "wait: true, waitTimeout: '3s', "
                + "showLogs: true"), Result.FAILURE);
        j.assertLogContains("Last log lines of pod greeter-development-", run);
        j.assertLogContains("panic: cannot reach the database", run);
    }

    @Test
    void aBadWaitTimeoutIsReportedBeforeAnythingIsWritten() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "bad-timeout");
        WorkflowRun run = run(job, deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "wait: true, waitTimeout: 'soon'"),
                Result.FAILURE);
        j.assertLogContains("Wait timeout \"soon\" is not a duration", run);
        assertFalse(sandbox.workload("default", "greeter-workload").isPresent());
    }

    @Test
    void abortingThePipelineStopsTheWaitPromptly() throws Exception {
        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off restarting", List.of());
        WorkflowJob job = j.createProject(WorkflowJob.class, "abort");
        job.setDefinition(new CpsFlowDefinition(
                deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "wait: true, waitTimeout: '10m'"), true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting for it to be Ready", run);
        long start = System.nanoTime();
        run.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
    }

    @Test
    void freestyleWaitsAndAbortEndsAborted() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("freestyle-wait");
        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter", "r/greeter:${BUILD_NUMBER}");
        recorder.setProject("shop");
        recorder.setEndpoints(SandboxFixture.API_ENDPOINT);
        recorder.setCredentialsId(SandboxFixture.WATCHER_CREDENTIALS_ID);
        recorder.setWait(true);
        recorder.setWaitTimeout("10m");
        project.getPublishersList().add(recorder);
        FreeStyleBuild ready = j.buildAndAssertSuccess(project);
        OpenChoreoDeployAction action = ready.getAction(OpenChoreoDeployAction.class);
        assertTrue(action.isReady());
        assertEquals(SandboxFixture.GREETER_URL, action.getEndpoints().get(0).getUrl());

        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off restarting", List.of());
        FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting for it to be Ready", build);
        build.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", build);
    }

    @Test
    void annotationHintCarriesTheInstanceName() throws Exception {
        OpenChoreoGlobalConfiguration.get().setInstanceName("ci-east");
        WorkflowJob job = j.createProject(WorkflowJob.class, "greeter-ci");
        WorkflowRun run = run(job, deploy(null, ""), Result.SUCCESS);
        j.assertLogContains("jenkins.io/job-full-name: ci-east:greeter-ci", run);
        assertEquals("ci-east:greeter-ci", run.getAction(OpenChoreoDeployAction.class).getJenkinsAnnotation());
    }

    @Test
    void annotationHintNamesTheMultibranchProjectNotTheBranch() throws Exception {
        try (MockSCMController controller = MockSCMController.create()) {
            controller.createRepository("repo");
            controller.createBranch("repo", "master");
            controller.addFile("repo", "master", "Jenkinsfile", "Jenkinsfile",
                    deploy(null, "").getBytes(StandardCharsets.UTF_8));
            OrganizationFolder org = j.createProject(OrganizationFolder.class, "org");
            org.getNavigators().add(new MockSCMNavigator(controller.getId(), new MockSCMDiscoverBranches()));
            org.save();
            org.scheduleBuild(new Cause.UserIdCause("anonymous"));
            j.waitUntilNoActivity();
            MultiBranchProject<?, ?> repo = org.getItem("repo");
            assertNotNull(repo);
            Job<?, ?> master = repo.getItem("master");
            assertNotNull(master);
            Run<?, ?> build = master.getLastBuild();
            assertNotNull(build);
            j.assertBuildStatusSuccess(build);
            assertEquals("org/repo/master", master.getFullName());
            j.assertLogContains("jenkins.io/job-full-name: org/repo", build);
            j.assertLogNotContains("jenkins.io/job-full-name: org/repo/master", build);
        }
    }

    @Test
    void overridingTheApiUrlNeedsAnExplicitCredentialsId() throws Exception {
        String api = sandbox.apiUrl().toString();
        WorkflowJob job = j.createProject(WorkflowJob.class, "override");
        WorkflowRun denied = run(job, deploy(null, "apiUrl: '" + api + "'"), Result.FAILURE);
        j.assertLogContains("must name its credentials: set credentialsId", denied);
        assertEquals(0, sandbox.count(Route.TOKEN), "the default secret was not sent anywhere");
        assertEquals(0, sandbox.count(Route.WORKLOAD_LIST));

        WorkflowRun deniedToken = run(job, deploy(null, "tokenUrl: '" + sandbox.tokenUrl() + "'"), Result.FAILURE);
        j.assertLogContains("must name its credentials", deniedToken);
        assertEquals(0, sandbox.count(Route.TOKEN));

        // The job's own credentials (not the global default) with both URLs: allowed.
        SandboxFixture.addClientCredentials(j.jenkins, "own-client", sandbox);
        run(job, deploy("own-client", "apiUrl: '" + api + "', tokenUrl: '" + sandbox.tokenUrl()
                + "'"), Result.SUCCESS);
        // A portal URL override sends no secret anywhere: the default credentials still apply.
        run(job, deploy(null, "portalUrl: 'https://portal.example.org'"), Result.SUCCESS);
    }

    @Test
    void freestyleOverrideWithoutCredentialsIdFails() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("freestyle-override");
        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter", "r/greeter:1");
        recorder.setProject("shop");
        recorder.setApiUrl(sandbox.apiUrl().toString());
        project.getPublishersList().add(recorder);
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("must name its credentials", build);
        assertEquals(0, sandbox.count(Route.TOKEN));
    }

    @Test
    void snippetAndConfigRoundTripWithWaitOptions() throws Exception {
        OpenChoreoDeployStep step = new OpenChoreoDeployStep("greeter", "r/greeter:1");
        step.setWait(true);
        step.setWaitTimeout("5m");
        step.setStrictWait(true);
        new SnippetizerTester(j).assertRoundTrip(step,
                "openchoreoDeploy component: 'greeter', image: 'r/greeter:1', strictWait: true, wait: true, "
                        + "waitTimeout: '5m'");
        step.setEnvironment("staging");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));

        OpenChoreoDeployRecorder recorder = new OpenChoreoDeployRecorder("greeter", "r/greeter:1");
        recorder.setWait(true);
        recorder.setEnvironment("staging");
        recorder.setWaitTimeout("1h30m");
        FreeStyleProject project = j.createFreeStyleProject();
        project.getPublishersList().add(recorder);
        project = j.configRoundtrip(project);
        j.assertEqualDataBoundBeans(recorder, project.getPublishersList().get(OpenChoreoDeployRecorder.class));
    }
}
