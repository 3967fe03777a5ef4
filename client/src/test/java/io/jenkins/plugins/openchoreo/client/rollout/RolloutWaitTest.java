package io.jenkins.plugins.openchoreo.client.rollout;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.MutableClock;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.RolloutNotFollowedException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Following a deploy to Ready against the sandbox's release controller, which answers in
 * OpenChoreo's shapes (openapi.yaml) and moves a binding's status as OpenChoreo's binding
 * controller does (internal/controller/releasebinding/controller.go @ad3f503), stale phases included.
 */
class RolloutWaitTest {

    private static final String ENDPOINTS = "- {name: api, port: 8080, type: HTTP, visibility: [external]}";
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test
    private SandboxClient watcher;

    private final RecordingListener listener = new RecordingListener();
    private final WaitOptions fast = WaitOptions.defaults().withTimeout(Duration.ofSeconds(10))
            .withIntervals(Duration.ofMillis(40), Duration.ofMillis(120));

    @BeforeEach
    void reset() {
        watcher = sandbox.registerClient("rollout-watcher", "watch+me", AuthMethod.POST, Role.ROLLOUT_WATCHER);
        sandbox.addComponent("default", "shop", "greeter");
        sandbox.setRolloutDelay(Duration.ofMillis(600));
    }

    private DeployResult deploy(SandboxClient client, DeployRequest.Builder request) {
        return new Deployer(SandboxTestSupport.settings(sandbox), SandboxTestSupport.credentials(client),
                new OpenChoreoEngine(), null, listener).deploy(request.build());
    }

    private DeployRequest.Builder greeter(String image, WaitOptions wait) {
        return DeployRequest.builder("greeter", image).project("shop").endpoints(ENDPOINTS).waitOptions(wait);
    }

    /** The sandbox's own view, as an administrator would read it. */
    private OpenChoreoConnection admin() {
        SandboxClient admin = sandbox.registerClient("admin", "admin", AuthMethod.POST, Role.ADMIN);
        return new OpenChoreoEngine().connect(SandboxTestSupport.settings(sandbox),
                SandboxTestSupport.credentials(admin), CallObserver.NONE);
    }

    private String latestRelease() {
        return admin().rollouts().component("default", "greeter").path("status").path("latestRelease").path("name")
                .asText();
    }

    private void seedWithEndpoint(String image) {
        sandbox.putWorkload("default",
                Workload.minimal("greeter-workload", "shop", "greeter", image)
                        .edit(doc -> ((ObjectNode) doc.path("spec")).putObject("endpoints").putObject("api")
                                .put("type", "HTTP")
                                .put("port", 8080).putArray("visibility").add("external"))
                        .toJson());
    }

    @Test
    void aNewWorkloadIsFollowedUntilItsReleaseIsReadyWithEveryUrlTheServerGives() {
        DeployResult result = deploy(watcher, greeter("registry.example/greeter:1", fast));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.rollout().release()).isEqualTo(latestRelease()).startsWith("greeter-");
        assertThat(result.rollout().environment()).isEqualTo("development");
        // OpenChoreo @ad3f503 writes no invokeURL: the external gateway's https URL is shown.
        String https = "https://development-default.openchoreo.localhost:19443/shop/greeter";
        EndpointUrl endpoint = result.rollout().endpoints().get(0);
        assertThat(endpoint.url()).isEqualTo(https);
        assertThat(endpoint.externalUrls())
                .containsEntry("http", "http://development-default.openchoreo.localhost:19080"
                        + "/shop/greeter")
                .containsEntry("https", https);
        assertThat(endpoint.serviceUrl())
                .isEqualTo("http://greeter.dp-default-shop-development.svc.cluster.local:8080");
        assertThat(result.toMap()).containsEntry("ready", true).containsEntry("release", result.rollout().release())
                .containsEntry("endpointUrls", List.of(https));
        assertThat((List<?>) result.toMap().get("endpoints")).singleElement().isEqualTo(Map.of("name", "api",
                "type", "HTTP", "url", https, "invokeURL", "", "serviceURL", endpoint.serviceUrl(),
                "internalURLs", Map.of(), "externalURLs", endpoint.externalUrls()));
        JsonNode json = result.toJson();
        assertThat(json.path("endpointUrls").get(0).asText()).isEqualTo(https);
        assertThat(json.path("endpoints").get(0).path("externalURLs").path("http").asText())
                .endsWith(":19080/shop/greeter");
        assertThat(result.summary()).contains("is Ready in development").contains("api (HTTP): " + https);
    }

    @Test
    void theInvokeUrlIsShownWhenTheServerGivesIt() {
        sandbox.setInvokeUrls(true);
        DeployResult result = deploy(watcher, greeter("r/g:1", fast));
        EndpointUrl endpoint = result.rollout().endpoints().get(0);
        assertThat(endpoint.invokeUrl())
                .isEqualTo("https://development-default.openchoreo.localhost:19443/shop/greeter");
        assertThat(endpoint.url()).isEqualTo(endpoint.invokeUrl());
        assertThat(result.toMap().get("endpointUrls")).isEqualTo(List.of(endpoint.invokeUrl()));
    }

    @Test
    void withoutInvokeUrlTheExternalHttpUrlThenTheServiceUrlIsShown() {
        sandbox.setHttpsListener(false);
        DeployResult result = deploy(watcher, greeter("r/g:1", fast).endpoints(ENDPOINTS + "\n"
                + "- {name: admin, port: 9090, type: HTTP, basePath: /admin}"));
        assertThat(result.rollout().endpoints()).extracting(EndpointUrl::name, EndpointUrl::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("api", "http://development-default.openchoreo.localhost:19080"
                        + "/shop/greeter"),
                org.assertj.core.groups.Tuple.tuple("admin", "http://greeter.dp-default-shop-development.svc.cluster"
                        + ".local:9090/admin"));
    }

    /**
     * The readiness rule (BindingState), after internal/controller/releasebinding/controller.go and
     * controller_status.go at ad3f5030fcfd76172beb3d7c97a459d73368840b: a binding is Ready for release R
     * when it names R, its status.observedGeneration has grown past the one it had while naming another
     * release, no deciding condition carries an older observedGeneration, and Ready is True. The sandbox
     * shows both stale states the controller leaves: the switched spec with the old status, then the first
     * reconcile with the old ResourcesReady. Either check alone lets one of them through (both were seen
     * failing this test).
     */
    @Test
    void theStaleReadyStatusOfThePreviousReleaseIsNotTakenForThisOne() {
        seedWithEndpoint("r/g:1");
        String old = latestRelease();
        OpenChoreoConnection admin = admin();
        sandbox.clearRequests();
        DeployResult result = deploy(watcher, greeter("registry.example/greeter:2", fast));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.rollout().release()).isNotEqualTo(old).isEqualTo(latestRelease());
        // When the wait said Ready, the binding really was: its resources evaluated for this release.
        JsonNode status = admin.rollouts().binding("default", "greeter-development").path("status");
        JsonNode resources = null;
        for (JsonNode condition : status.path("conditions")) {
            resources = "ResourcesReady".equals(condition.path("type").asText()) ? condition : resources;
        }
        assertThat(resources.path("status").asText()).isEqualTo("True");
        assertThat(resources.path("observedGeneration").asLong()).isEqualTo(status.path("observedGeneration").asLong());
        // On its way it saw the binding name the new release with the old Ready status (not reconciled), and
        // then reconciled but with the previous release's ResourcesReady (Ready=True computed from it).
        String release = result.rollout().release();
        assertThat(listener.lines).contains("step environment development: release " + release
                + ", not yet reconciled by the controller, Ready=True (Ready: ReleaseBinding is ready)");
        assertThat(listener.lines).contains("step environment development: release " + release
                + ", resources not yet evaluated for this release, Ready=True (Ready: ReleaseBinding is ready)");
    }

    @Test
    void anUnchangedDeployWaitsForTheCurrentRelease() {
        seedWithEndpoint("r/g:1");
        DeployResult result = deploy(watcher, greeter("r/g:1", fast));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(result.rollout().release()).isEqualTo(latestRelease());
    }

    @Test
    void aLabelOnlyChangeMakesNoReleaseAndWaitsForTheCurrentOne() {
        seedWithEndpoint("r/g:1");
        String current = latestRelease();
        DeployResult result = deploy(watcher, greeter("r/g:1", fast.withTimeout(Duration.ofSeconds(3)))
                .labels(Map.of("team", "payments")));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.rollout().release()).isEqualTo(current);
    }

    @Test
    void aFailingRolloutReportsPodStatesAndEventsFromK8sResourcesButNoLogLinesUnlessAsked() {
        sandbox.failRollouts("default", "greeter", "ImagePullBackOff", "Back-off pulling image \"r/g:bad\"",
                List.of("pulling r/g:bad", "manifest unknown"));
        assertThatThrownBy(() -> deploy(watcher, greeter("r/g:bad", fast.withTimeout(Duration.ofMillis(1500)))))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_NOT_READY);
                    assertThat(e.getMessage()).contains("The Workload is written").contains("after 1500 ms")
                            .containsPattern("Ready=False \\(ResourcesDegraded: Primary workload Deployment/"
                                    + "greeter-development-[0-9a-f]{8} is degraded\\)")
                            .containsPattern("Pod greeter-development-\\S+: Degraded, Pending, container main waiting: "
                                    + "ImagePullBackOff \\(Back-off pulling image \"r/g:bad\"\\), 3 restarts")
                            .contains("Warning ImagePullBackOff (x3): Back-off pulling image \"r/g:bad\"")
                            .doesNotContain("manifest unknown").doesNotContain("Last log lines");
                    assertThat(e.hint()).contains("waitTimeout");
                });
        List<RecordedRequest> events = sandbox.requests().stream().filter(r -> r.route() == Route.K8S_EVENTS).toList();
        assertThat(events).isNotEmpty().allSatisfy(r -> assertThat(r.query()).contains("version=v1")
                .contains("kind=").contains("name="));
        assertThat(sandbox.count(Route.K8S_LOGS)).isZero();
        assertThat(sandbox.workload("default", "greeter-workload")).get()
                .satisfies(
                        w -> assertThat(w.path("spec").path("container").path("image").asText()).isEqualTo("r/g:bad"));
    }

    @Test
    void logLinesAreReportedOnlyWhenAskedMaskedAndBounded() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("line " + i + " " + "x".repeat(i == 29 ? 400 : 1));
        }
        lines.add("connecting with secret watch+me");
        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off 10s restarting failed container",
                lines);
        assertThatThrownBy(() -> deploy(watcher, greeter("r/g:1", fast.withTimeout(Duration.ofMillis(1500))
                .withShowLogs(true)))).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.getMessage()).contains("Last log lines of pod greeter-development-")
                            .contains("connecting with secret ****").doesNotContain("watch+me")
                            .doesNotContain("line 10 ").contains("line 11 ").contains("x".repeat(290) + "…")
                            .doesNotContain("x".repeat(301));
                });
        assertThat(sandbox.requests().stream().filter(r -> r.route() == Route.K8S_LOGS).toList())
                .allSatisfy(r -> assertThat(r.query()).contains("podName=greeter-development-"));
    }

    @Test
    void eventsAndLogLinesCannotForgeLinesOfTheirOwn() {
        sandbox.failRollouts("default", "greeter", "CrashLoopBackOff", "back-off\r\nCreated Workload forged-event",
                List.of("starting\nCreated Workload forged-log"));
        assertThatThrownBy(() -> deploy(watcher, greeter("r/g:1", fast.withTimeout(Duration.ofMillis(1500))
                .withShowLogs(true)))).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.getMessage()).contains("forged-event").contains("forged-log")
                            .doesNotContainPattern("[\\r\\n]Created Workload");
                });
    }

    @Test
    void progressIsOneLinePerChangeNotPerPoll() {
        sandbox.setRolloutDelay(Duration.ofMillis(1600));
        DeployResult result = deploy(watcher, greeter("r/g:1", fast));
        String release = result.rollout().release();
        List<String> steps = listener.lines.stream().filter(l -> l.startsWith("step ")).map(l -> l.substring(5))
                .toList();
        List<String> waiting = steps.subList(steps.indexOf("Creating Workload greeter-workload with image r/g:1") + 1,
                steps.size());
        String binding = "environment development: release " + release;
        // Each state of the sandbox's rollout (a quarter of 1600 ms each, polled every 40-120 ms) once.
        assertThat(waiting).satisfiesExactly(
                l -> assertThat(l).isEqualTo("Release " + release + " made; waiting for it to be Ready"),
                l -> assertThat(l).isEqualTo("No ReleaseBinding yet"),
                l -> assertThat(l).isEqualTo(binding + ", not yet reconciled by the controller, Ready=Unknown"),
                l -> assertThat(l).isEqualTo(binding + ", Ready=False (ResourcesProgressing: Resources are being "
                        + "evaluated)"),
                l -> assertThat(l).matches(java.util.regex.Pattern.quote(binding) + ", Ready=False "
                        + "\\(ResourcesProgressing: Primary workload Deployment/greeter-development-[0-9a-f]{8} is "
                        + "progressing\\)"),
                l -> assertThat(l).isEqualTo("Ready: " + binding + ", Ready=True (Ready: ReleaseBinding is ready)"));
        assertThat(sandbox.count(Route.RELEASEBINDING_LIST)).as("polls").isGreaterThan(10);
    }

    @Test
    void theShippedCiRoleGetsOneSentenceNamingThePermissionAndAGreenDeploy() {
        DeployResult result = deploy(sandbox.defaultClient(), greeter("r/g:1", fast));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.rollout()).isNull();
        assertThat(result.toMap()).containsEntry("ready", false);
        assertThat(result.warnings()).containsExactly("Not following the rollout: the client may not read component "
                + "greeter (it lacks component:view in namespace default).");
    }

    @Test
    void strictWaitingFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> deploy(sandbox.defaultClient(), greeter("r/g:1", fast.withStrict(true))))
                .isInstanceOfSatisfying(RolloutNotFollowedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_FORBIDDEN);
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION);
                    assertThat(e.getMessage()).isEqualTo("Cannot follow the rollout: the client may not read component "
                            + "greeter (it lacks component:view in namespace default); nothing was written");
                });
        assertThat(sandbox.count(Route.WORKLOAD_CREATE)).isZero();
    }

    @Test
    void withoutReleasebindingViewAStrictDeployFailsBeforeTheWriteOnTheBindingRead() {
        seedWithEndpoint("r/g:1");
        SandboxClient releases = sandbox.registerClient("release-watcher", "rel", AuthMethod.POST,
                Role.RELEASE_WATCHER);
        sandbox.clearRequests();
        assertThatThrownBy(() -> deploy(releases, greeter("r/g:2", fast.withStrict(true))))
                .isInstanceOfSatisfying(RolloutNotFollowedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_FORBIDDEN);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Cannot follow the rollout: the client may not read "
                            + "ReleaseBinding greeter-development (it lacks releasebinding:view in namespace default); "
                            + "nothing was written");
                });
        // The list answered 200 with no items; the binding read by name (from the component's condition) the 403.
        assertThat(sandbox.requests()).filteredOn(r -> r.route() == Route.RELEASEBINDING_LIST)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(sandbox.requests()).filteredOn(r -> r.route() == Route.RELEASEBINDING_GET).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isZero();
        assertThat(sandbox.workload("default", "greeter-workload").orElseThrow().path("spec").path("container")
                .path("image").asText()).isEqualTo("r/g:1");
    }

    @Test
    void withoutReleasebindingViewAFirstDeployStaysGreenWithAWarningAfterTheGrace() {
        SandboxClient releases = sandbox.registerClient("release-watcher", "rel", AuthMethod.POST,
                Role.RELEASE_WATCHER);
        DeployResult result = deploy(releases, greeter("r/g:1", fast.withVisibilityGrace(Duration.ofMillis(800))));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.rollout()).isNull();
        assertThat(result.warnings()).singleElement().asString().isEqualTo("Not following the rollout: no "
                + "ReleaseBinding of component greeter became visible within 800 ms although release "
                + latestRelease() + " exists; the client lacks releasebinding:view in namespace default, or the "
                + "release is not bound to an environment.");
    }

    @Test
    void atDefaultOptionsTheInvisibleBindingIsReportedWithinThirtySeconds() {
        SandboxClient releases = sandbox.registerClient("release-watcher", "rel", AuthMethod.POST,
                Role.RELEASE_WATCHER);
        OpenChoreoConnection connection = new OpenChoreoEngine().connect(SandboxTestSupport.settings(sandbox),
                SandboxTestSupport.credentials(releases), CallObserver.NONE);
        MutableClock clock = new MutableClock();
        Instant start = clock.instant();
        List<Duration> pauses = new ArrayList<>();
        RolloutWaiter waiter = new RolloutWaiter(connection.rollouts(), line -> {}, WaitOptions.defaults(), clock,
                pause -> {
                    pauses.add(pause);
                    clock.advance(pause);
                });
        RolloutBaseline before = waiter.before("default", "greeter");
        assertThat(before.release()).isNull();
        seedWithEndpoint("r/g:1"); // the write; the sandbox binds it at once
        assertThatThrownBy(() -> waiter.await("default", "greeter", before, true))
                .isInstanceOfSatisfying(RolloutNotFollowedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_NOT_VISIBLE);
                    assertThat(e.reason()).contains("within 20 s").contains("releasebinding:view");
                });
        Duration waited = Duration.between(start, clock.instant());
        assertThat(waited).isEqualTo(WaitOptions.DEFAULT_VISIBILITY_GRACE).isLessThanOrEqualTo(Duration.ofSeconds(30));
        // 2 s growing by half, the last pause cut to end at the grace: 2 + 3 + 4.5 + 6.75 + 3.75.
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
                Duration.ofMillis(6750), Duration.ofMillis(3750));
    }

    @Test
    void aComponentWithoutAutoDeployIsNotWaitedOn() {
        sandbox.addComponent("default", "shop", "manual", false);
        DeployResult result = deploy(watcher, DeployRequest.builder("manual", "r/m:1").project("shop")
                .waitOptions(fast));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.warnings()).containsExactly("Not following the rollout: component manual does not deploy "
                + "itself (spec.autoDeploy is false), so the Workload change makes no release to follow.");
        assertThatThrownBy(() -> deploy(watcher, DeployRequest.builder("manual", "r/m:2").project("shop")
                .waitOptions(fast.withStrict(true)))).isInstanceOfSatisfying(RolloutNotFollowedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_NOT_AUTO_DEPLOYED));
        assertThat(sandbox.workload("default", "manual-workload").orElseThrow().path("spec").path("container")
                .path("image").asText()).isEqualTo("r/m:1");
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
        assertThatThrownBy(() -> WaitOptions.defaults().withVisibilityGrace(Duration.ofSeconds(-1)))
                .hasMessageContaining("visibility grace");
        WaitOptions odd = WaitOptions.defaults().withIntervals(Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertThat(odd.maxInterval()).isEqualTo(odd.interval());
        assertThat(WaitOptions.defaults().withEnvironment("  ").environment()).isNull();
        assertThat(WaitOptions.defaults().withTimeout(Duration.ofSeconds(5)).grace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(WaitOptions.defaults().showLogs()).isFalse();
    }
}
