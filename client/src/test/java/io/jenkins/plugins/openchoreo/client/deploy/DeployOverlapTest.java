package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The WorkflowRun's GET runs beside the Workload list: counted by the sandbox as requests in
 * flight at once and round trips in sequence, not by a clock. The two are held at one gate until
 * both have arrived, so the count does not depend on the machine's speed; a client that sent them
 * one after the other would leave the first at the gate (10 s) and be counted at 4 in sequence.
 */
class DeployOverlapTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final String RUN = "greeter-build-7";
    /** Held calls must outlast their faults' delays, so only a cancel can end them early. */
    private static final Duration HELD = Duration.ofSeconds(8);

    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test
    private TokenCache cache;
    private OpenChoreoEngine engine;
    private final RecordingListener listener = new RecordingListener();

    @TempDir
    Path repo;

    @BeforeEach
    void reset() {
        sandbox.addComponent("default", "shop", "greeter");
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").toJson());
        ObjectNode run = Json.object();
        run.putObject("metadata").put("name", RUN).putObject("annotations").put("keep", "this");
        run.putObject("spec").put("workflow", "docker-build");
        sandbox.putWorkflowRun("default", run);
        cache = new TokenCache(Clock.systemUTC());
        engine = new OpenChoreoEngine(cache);
    }

    private DeployResult deploy(DeployRequest.Builder request) {
        return deploy(request, SandboxTestSupport.settings(sandbox));
    }

    private DeployResult deploy(DeployRequest.Builder request, ConnectionSettings settings) {
        return new Deployer(settings, SandboxTestSupport.credentials(sandbox.defaultClient()), engine,
                new LocalWorkspaceFiles(repo), listener).deploy(request.build());
    }

    private static DeployRequest.Builder greeter(String image) {
        return DeployRequest.builder("greeter", image).project("shop").workflowRun(RUN);
    }

    private void holdListAndRunReadTogether() {
        Fault list = Fault.on(Route.WORKLOAD_LIST).together(2);
        sandbox.faults().add(list).add(Fault.on(Route.WORKFLOWRUN_GET).togetherWith(list));
    }

    @Test
    void anAnnotatedImageUpdateIsThreeRoundTripsInSequence() {
        deploy(greeter("r/g:2")); // a token in the cache, as for every deploy but a process's first
        sandbox.clearRequests();
        holdListAndRunReadTogether();

        DeployResult result = deploy(greeter("r/g:3"));

        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.change().workflowRunAnnotated()).isTrue();
        List<RecordedRequest> requests = sandbox.requests();
        assertThat(requests).hasSize(4);
        assertThat(sandbox.sequentialRoundTrips()).isEqualTo(3);
        assertThat(sandbox.mostInFlight()).isEqualTo(2);
        assertThat(requests.stream().filter(r -> r.sequence() == 1).map(RecordedRequest::route))
                .containsExactlyInAnyOrder(Route.WORKLOAD_LIST, Route.WORKFLOWRUN_GET);
        // The writes keep their order: the Workload first, then the WorkflowRun that names it.
        assertThat(requests.stream().filter(r -> r.sequence() > 1).map(RecordedRequest::route))
                .containsExactly(Route.WORKLOAD_UPDATE, Route.WORKFLOWRUN_UPDATE);
        assertThat(sandbox.workflowRun("default", RUN).orElseThrow().path("metadata").path("annotations")
                .path("openchoreo.dev/workload").asText()).isEqualTo(result.change().workloadJson());
    }

    @Test
    void aFreshProcessAddsOnlyItsTokenToTheSequence() {
        holdListAndRunReadTogether();

        DeployResult result = deploy(greeter("r/g:2"));

        assertThat(result.traffic().apiRequests()).isEqualTo(4);
        assertThat(result.traffic().identityProviderRequests()).isEqualTo(1);
        assertThat(sandbox.requests()).hasSize(5);
        assertThat(sandbox.sequentialRoundTrips()).isEqualTo(4);
        assertThat(sandbox.requests().get(0).route()).isEqualTo(Route.TOKEN);
        assertThat(sandbox.count(Route.TOKEN)).as("one token, shared by both calls").isEqualTo(1);
    }

    @Test
    void aRunThatCannotBeReadFailsTheDeployBeforeAnyWriteWhenAskedTo() {
        DeployRequest.Builder strict = DeployRequest.builder("greeter", "r/g:2").project("shop")
                .workflowRun("no-such-run").failOnWorkflowRunError(true);
        assertThatThrownBy(() -> deploy(strict)).isInstanceOf(NotFoundException.class);
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).as("nothing half done").isZero();
        assertThat(sandbox.workload("default", "greeter-workload").orElseThrow().path("spec").path("container")
                .path("image").asText()).isEqualTo("r/g:1");

        DeployResult lenient = deploy(DeployRequest.builder("greeter", "r/g:2").project("shop")
                .workflowRun("no-such-run"));
        assertThat(lenient.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(lenient.change().workflowRunAnnotated()).isFalse();
        assertThat(lenient.warnings()).singleElement().asString().contains("was deployed").contains("no-such-run");
        assertThat(sandbox.count(Route.WORKFLOWRUN_UPDATE)).isZero();
    }

    @Test
    void aFailedListCancelsTheRunRead() throws Exception {
        sandbox.faults().add(Fault.on(Route.WORKFLOWRUN_GET).delay(HELD));
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));

        assertThatThrownBy(() -> deploy(greeter("r/g:2"), patient()))
                .isInstanceOfSatisfying(OpenChoreoException.class,
                        e -> assertThat(e.code()).isNotEqualTo(ErrorCode.ABORTED));

        // The run's read is cut off; or, when the list's 403 came back before the side call's thread
        // sent it (a loaded machine), it is never sent at all. Either way it is never answered.
        if (sandbox.count(Route.WORKFLOWRUN_GET) > 0) {
            assertThat(attemptOf("/api/v1/namespaces/default/workflowruns/" + RUN)).as("the run's read, cut off")
                    .endsWith("-> 0");
        }
        assertThat(listener.lines).noneMatch(line -> line.startsWith("attempt GET /api/v1/namespaces/default/"
                + "workflowruns/" + RUN + " -> 200"));
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isZero();
    }

    @Test
    void anInterruptCancelsBothCallsAndAbortsTheDeploy() throws Exception {
        sandbox.faults().add(Fault.on(Route.WORKFLOWRUN_GET).delay(HELD));
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).delay(HELD));
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<DeployResult> running = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return deploy(greeter("r/g:2"), patient());
        });
        while (sandbox.count(Route.WORKLOAD_LIST) + sandbox.count(Route.WORKFLOWRUN_GET) < 2) {
            Thread.sleep(10);
        }

        worker.get().interrupt();

        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(OpenChoreoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ABORTED));
        assertThat(attemptOf("/api/v1/namespaces/default/workflowruns/" + RUN)).endsWith("-> 0");
        assertThat(attemptOf("/api/v1/namespaces/default/workloads")).endsWith("-> 0");
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isZero();
    }

    /** Timeouts longer than the held calls: an attempt ends early only if it is cancelled. */
    private ConnectionSettings patient() {
        return SandboxTestSupport.settings(sandbox).toBuilder().http(SandboxTestSupport.FAST_HTTP
                .withTimeouts(Duration.ofSeconds(2), HELD.multipliedBy(3), HELD.multipliedBy(3))).build();
    }

    /**
     * The listener's line for the GET of a path, once it ended: "-> 0" when it was cut off, the
     * status when the answer came. Waits at most for the held answer, and a little more.
     */
    private String attemptOf(String path) throws InterruptedException {
        long until = System.nanoTime() + HELD.plusSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            for (String line : listener.lines) {
                if (line.startsWith("attempt GET " + path + " -> ")) {
                    return line.replaceAll(" \\[[^]]*]$", "");
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no GET of " + path + " ended in\n" + listener.all());
    }
}
