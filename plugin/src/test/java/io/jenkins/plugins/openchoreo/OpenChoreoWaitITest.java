package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.openchoreo.sandbox.Route;
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
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Following a deploy to Ready (issue 10), the portal annotation hint, and the rule that URL
 * overrides need an explicit credentialsId, against the sandbox's release controller.
 */
class OpenChoreoWaitITest extends SandboxedJenkinsTest {

    @BeforeEach
    void setUp() throws Exception {
        SandboxFixture.addWatcherCredentials(sandbox);
        sandbox.setRolloutDelay(Duration.ofMillis(600));
        OpenChoreoGlobalConfiguration.get().setPollIntervalSeconds(1);
    }

    /** A Pipeline deploy of greeter with an external endpoint, with extra step arguments. */
    private static String deploy(String credentialsId, String more) {
        return "openchoreoDeploy component: 'greeter', project: 'shop', image: 'r/greeter:1', endpoints: '"
                + SandboxFixture.API_ENDPOINT + "'" + (credentialsId == null ? "" : ", credentialsId: '"
                        + credentialsId + "'")
                + (more.isEmpty() ? "" : ", " + more);
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
        assertThat(action.isReady()).isTrue();
        assertThat(action.getRelease().startsWith("greeter-")).as(action.getRelease()).isTrue();
        assertThat(action.getEnvironment()).isEqualTo("development");
        assertThat(action.getReadyAt()).isNotNull();
        assertThat(action.getEndpoints().size()).isEqualTo(1);
        assertThat(action.getEndpoints().get(0).getName()).isEqualTo("api");
        assertThat(action.getEndpoints().get(0).getSafeUrl()).isEqualTo(SandboxFixture.GREETER_URL);
        // Every URL the server gave is kept: the external gateway's http and https ones and the service URL.
        assertThat(action.getEndpoints().get(0).getUrls()
                .stream().map(OpenChoreoDeployAction.Link::getLabel).toList())
                .isEqualTo(List.of("external http", "external https", "service"));

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(run);
            String html = page.getWebResponse().getContentAsString();
            assertThat(html.contains("href=\"" + SandboxFixture.GREETER_URL + "\"")).as(html).isTrue();
            assertThat(html.contains(action.getRelease())).as(html).isTrue();
            assertThat(html.contains("jenkins.io/job-full-name: ready")).as(html).isTrue();
        }
    }

    @Test
    void withoutWaitNothingIsFollowed() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-wait");
        WorkflowRun run = run(job, "def r = " + deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "waitTimeout: '5m'")
                + "\necho \"ready=${r.ready} release=${r.release}\"", Result.SUCCESS);
        j.assertLogContains("ready=false release=null", run);
        j.assertLogContains("apply only when waiting", run);
        assertThat(sandbox.count(Route.RELEASEBINDING_LIST)).isEqualTo(0);
        assertThat(run.getAction(OpenChoreoDeployAction.class).isReady()).isFalse();
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
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isTrue();
    }

    @Test
    void strictWaitingFailsOnForbiddenBeforeWriting() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "strict");
        WorkflowRun run = run(job, deploy(null, "wait: true, strictWait: true"), Result.FAILURE);
        j.assertLogContains("component:view", run);
        j.assertLogContains("Hint:", run);
        assertThat(sandbox.count(Route.WORKLOAD_CREATE)).isEqualTo(0);
        assertThat(run.getAction(OpenChoreoDeployAction.class)).isNull();
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
        assertThat(sandbox.workload("default", "greeter-workload").isPresent()).isFalse();
    }

    @Test
    void abortingThePipelineStopsTheWaitPromptly() throws Exception {
        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off restarting", List.of());
        WorkflowJob job = j.createProject(WorkflowJob.class, "abort");
        job.setDefinition(new CpsFlowDefinition(
                deploy(SandboxFixture.WATCHER_CREDENTIALS_ID, "wait: true, waitTimeout: '10m'"), true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting for it to be Ready", run);
        run.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        assertTheDeployStopped();
    }

    /**
     * ABORTED alone proves little: {@code SynchronousNonBlockingStepExecution.stop} ends the step
     * at once whatever its worker thread does. So: no thread is left in the engine's deploy, and
     * the sandbox hears no request after that (over three of this test's poll intervals).
     */
    private void assertTheDeployStopped() throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // a hang guard, not a time budget
        while (deployRunning()) {
            assertThat(System.nanoTime() < giveUp).as("the deploy still runs after the abort; the sandbox has had "
                    + sandbox.requests().size() + " requests").isTrue();
            Thread.sleep(50);
        }
        int afterAbort = sandbox.requests().size();
        Thread.sleep(Duration.ofSeconds(3 * OpenChoreoGlobalConfiguration.get().getPollIntervalSeconds()).toMillis());
        assertThat(sandbox.requests().size()).as("requests after the abort").isEqualTo(afterAbort);
    }

    private static boolean deployRunning() {
        String deployer = io.jenkins.plugins.openchoreo.client.deploy.Deployer.class.getName();
        return Thread.getAllStackTraces().values().stream()
                .anyMatch(stack -> java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(deployer)));
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
        assertThat(action.isReady()).isTrue();
        assertThat(action.getEndpoints().get(0).getUrl()).isEqualTo(SandboxFixture.GREETER_URL);

        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off restarting", List.of());
        FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting for it to be Ready", build);
        build.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));
        j.assertLogNotContains("\tat io.jenkins.plugins.openchoreo", build);
        assertTheDeployStopped();
    }

    @Test
    void annotationHintCarriesTheInstanceName() throws Exception {
        OpenChoreoGlobalConfiguration.get().setInstanceName("ci-east");
        WorkflowJob job = j.createProject(WorkflowJob.class, "greeter-ci");
        WorkflowRun run = run(job, deploy(null, ""), Result.SUCCESS);
        j.assertLogContains("jenkins.io/job-full-name: ci-east:greeter-ci", run);
        assertThat(run.getAction(OpenChoreoDeployAction.class).getJenkinsAnnotation()).isEqualTo("ci-east:greeter-ci");
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
            assertThat(repo).isNotNull();
            Job<?, ?> master = repo.getItem("master");
            assertThat(master).isNotNull();
            Run<?, ?> build = master.getLastBuild();
            assertThat(build).isNotNull();
            j.assertBuildStatusSuccess(build);
            assertThat(master.getFullName()).isEqualTo("org/repo/master");
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
        assertThat(sandbox.count(Route.TOKEN)).as("the default secret was not sent anywhere").isEqualTo(0);
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(0);

        WorkflowRun deniedToken = run(job, deploy(null, "tokenUrl: '" + sandbox.tokenUrl() + "'"), Result.FAILURE);
        j.assertLogContains("must name its credentials", deniedToken);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(0);

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
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(0);
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
