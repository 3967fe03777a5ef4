package io.jenkins.plugins.openchoreo.client.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Following a deploy to Ready against the sandbox's release controller, which takes its time. */
class RolloutWaitTest {

    private static final String ENDPOINTS = "- {name: api, port: 8080, type: HTTP, visibility: [external]}";
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private Sandbox sandbox;
    private SandboxClient watcher;

    private final RecordingListener listener = new RecordingListener();
    private final WaitOptions fast = WaitOptions.defaults().withTimeout(Duration.ofSeconds(10))
            .withIntervals(Duration.ofMillis(40), Duration.ofMillis(120));

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.get(); // started once for the class, reset before each test
        watcher = sandbox.registerClient("rollout-watcher", "watch+me", AuthMethod.POST, Role.ROLLOUT_WATCHER);
        sandbox.addComponent("default", "shop", "greeter");
        sandbox.setRolloutDelay(Duration.ofMillis(600));
    }

    private DeployResult deploy(SandboxClient client, DeployRequest.Builder request) {
        return new Deployer(SandboxTestSupport.settings(sandbox), SandboxTestSupport.credentials(client),
                new TokenCache(Clock.systemUTC()), null, listener).deploy(request.build());
    }

    private DeployRequest.Builder greeter(String image, WaitOptions wait) {
        return DeployRequest.builder("greeter", image).project("shop").endpoints(ENDPOINTS).waitOptions(wait);
    }

    private String latestRelease() {
        return component().path("status").path("latestRelease").path("name").asText();
    }

    private ObjectNode component() {
        // The sandbox's own view, as an administrator would read it.
        return (ObjectNode) io.jenkins.plugins.openchoreo.client.Json.object().set("status",
                sandboxComponentStatus());
    }

    private com.fasterxml.jackson.databind.JsonNode sandboxComponentStatus() {
        SandboxClient admin = sandbox.registerClient("admin", "admin", AuthMethod.POST, Role.ADMIN);
        var connection = new io.jenkins.plugins.openchoreo.client.OpenChoreoConnection(
                SandboxTestSupport.settings(sandbox), SandboxTestSupport.credentials(admin),
                new TokenCache(Clock.systemUTC()), io.jenkins.plugins.openchoreo.client.http.CallObserver.NONE);
        return connection.rollouts().component("default", "greeter").path("status");
    }

    @Test
    void aNewWorkloadIsFollowedUntilItsReleaseIsReadyWithItsUrls() {
        DeployResult result = deploy(watcher, greeter("registry.example/greeter:1", fast));
        assertThat(result.outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.rollout()).isNotNull();
        assertThat(result.rollout().release()).isEqualTo(latestRelease()).startsWith("greeter-");
        assertThat(result.rollout().environment()).isEqualTo("development");
        assertThat(result.rollout().endpoints()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("api");
            assertThat(e.url()).startsWith("http://development.").endsWith("/shop/greeter");
        });
        assertThat(result.toMap()).containsEntry("ready", true).containsEntry("release", result.rollout().release())
                .containsEntry("endpointUrls", List.of(result.rollout().endpoints().get(0).url()));
        assertThat(result.toJson().path("endpointUrls").get(0).asText()).isEqualTo(result.rollout().endpoints()
                .get(0).url());
        assertThat(result.summary()).contains("is Ready in development");
    }

    @Test
    void theStaleReadyBindingOfThePreviousReleaseIsNotTakenForThisOne() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").toJson());
        String old = latestRelease();
        sandbox.clearRequests();
        DeployResult result = deploy(watcher, greeter("registry.example/greeter:2", fast));
        assertThat(result.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.rollout().release()).isNotEqualTo(old).isEqualTo(latestRelease());
        // While the binding still showed the old release as Ready, the wait went on polling.
        assertThat(sandbox.count(Route.RELEASEBINDING_LIST)).isGreaterThan(2);
        assertThat(listener.all()).contains("release " + old);
    }

    @Test
    void anUnchangedDeployWaitsForTheCurrentRelease() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").edit(doc ->
                ((ObjectNode) doc.path("spec")).putObject("endpoints").putObject("api").put("type", "HTTP")
                        .put("port", 8080).putArray("visibility").add("external")).toJson());
        DeployResult result = deploy(watcher, greeter("r/g:1", fast));
        assertThat(result.outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(result.rollout().release()).isEqualTo(latestRelease());
    }

    @Test
    void aLabelOnlyChangeMakesNoReleaseAndWaitsForTheCurrentOne() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").edit(doc ->
                ((ObjectNode) doc.path("spec")).putObject("endpoints").putObject("api").put("type", "HTTP")
                        .put("port", 8080).putArray("visibility").add("external")).toJson());
        String current = latestRelease();
        DeployResult result = deploy(watcher, greeter("r/g:1", fast.withTimeout(Duration.ofSeconds(3)))
                .labels(java.util.Map.of("team", "payments")));
        assertThat(result.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.rollout().release()).isEqualTo(current);
    }

    @Test
    void aFailingRolloutTimesOutWithTheReasonEventsAndLogLines() {
        sandbox.failRollouts("default", "greeter", "ImagePullBackOff", "Back-off pulling image \"r/g:bad\"",
                List.of("pulling r/g:bad", "manifest unknown"));
        assertThatThrownBy(() -> deploy(watcher, greeter("r/g:bad", fast.withTimeout(Duration.ofMillis(1500)))))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_NOT_READY);
                    assertThat(e.getMessage()).contains("The Workload is written").contains("after 1500 ms")
                            .contains("Ready=False (ImagePullBackOff: Back-off pulling image")
                            .contains("Warning ImagePullBackOff").contains("manifest unknown");
                    assertThat(e.hint()).contains("waitTimeout");
                });
        assertThat(sandbox.workload("default", "greeter-workload")).get()
                .satisfies(w -> assertThat(w.path("spec").path("container").path("image").asText()).isEqualTo("r/g:bad"));
    }

    @Test
    void progressIsOneLinePerChangeNotPerPoll() {
        sandbox.setRolloutDelay(Duration.ofMillis(1200));
        DeployResult result = deploy(watcher, greeter("r/g:1", fast));
        String release = result.rollout().release();
        List<String> steps = listener.lines.stream().filter(l -> l.startsWith("step ")).map(l -> l.substring(5))
                .toList();
        List<String> waiting = steps.subList(steps.indexOf("Creating Workload greeter-workload with image r/g:1") + 1,
                steps.size());
        // Each state of the sandbox's rollout (a third of 1200 ms each, polled every 40-120 ms) once.
        assertThat(waiting).containsExactly(
                "Release " + release + " made; waiting for it to be Ready",
                "No ReleaseBinding yet",
                "environment development: release " + release + ", not yet observed by the controller, Ready=False "
                        + "(Progressing: Rolling out release " + release + ")",
                "environment development: release " + release + ", Ready=False (Progressing: Rolling out release "
                        + release + ")",
                "Ready: environment development: release " + release + ", Ready=True (Ready: All resources are ready)");
        assertThat(sandbox.count(Route.RELEASEBINDING_LIST)).as("polls").isGreaterThan(10);
    }

    @Test
    void theShippedCiRoleGetsAWarningAndAGreenDeploy() {
        DeployResult result = deploy(sandbox.defaultClient(), greeter("r/g:1", fast));
        assertThat(result.outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.rollout()).isNull();
        assertThat(result.toMap()).containsEntry("ready", false);
        assertThat(result.warnings()).singleElement().asString().contains("Not waiting for the rollout")
                .contains("component:view").contains("releasebinding:view");
    }

    @Test
    void strictWaitingFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> deploy(sandbox.defaultClient(), greeter("r/g:1", fast.withStrict(true))))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_FORBIDDEN);
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION);
                });
        assertThat(sandbox.count(Route.WORKLOAD_CREATE)).isZero();
    }

    @Test
    void interruptingTheBuildStopsTheWaitPromptly() throws Exception {
        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off restarting", List.of());
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<DeployResult> running = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return deploy(watcher, greeter("r/g:1", fast.withTimeout(Duration.ofMinutes(5))));
        });
        while (sandbox.count(Route.RELEASEBINDING_LIST) < 2) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        worker.get().interrupt();
        assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(OpenChoreoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ABORTED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> WaitOptions.defaults().withTimeout(Duration.ZERO)).hasMessageContaining("positive");
        WaitOptions odd = WaitOptions.defaults().withIntervals(Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertThat(odd.maxInterval()).isEqualTo(odd.interval());
        assertThat(WaitOptions.defaults().withEnvironment("  ").environment()).isNull();
    }
}
