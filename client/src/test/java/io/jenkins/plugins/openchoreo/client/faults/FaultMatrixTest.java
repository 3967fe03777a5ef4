package io.jenkins.plugins.openchoreo.client.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fault of the sandbox crossed with every call of a deploy ({@link FaultMatrix}). Each
 * scenario ends in success after retry or in the typed error the table in {@link FaultKind} names,
 * with a hint, within its time; no Workload field is lost and no secret is printed. Prints one
 * summary line; the scoreboard of outcomes is the benchmark's ({@code bench/}).
 */
class FaultMatrixTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static FaultMatrix matrix;
    private static final AtomicInteger scenarios = new AtomicInteger();
    private static final AtomicInteger passed = new AtomicInteger();
    private static final AtomicInteger lostFields = new AtomicInteger();
    private static final AtomicInteger leakedSecrets = new AtomicInteger();
    private static final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void start() {
        matrix = FaultMatrix.start();
    }

    @AfterAll
    static void stop() {
        matrix.close();
        System.out.printf("[fault-matrix] scenarios %d, passed %d, lost fields %d, leaked secrets %d%n",
                scenarios.get(), passed.get(), lostFields.get(), leakedSecrets.get());
        failures.forEach(f -> System.out.println("[fault-matrix] FAILED " + f));
        assertThat(lostFields.get()).as("Workload fields lost").isZero();
        assertThat(leakedSecrets.get()).as("secrets leaked").isZero();
    }

    @TestFactory
    Stream<DynamicTest> everyFaultOnEveryCall() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            for (Operation op : Operation.values()) {
                FaultKind.Expected expected = kind.expected(op);
                tests.add(DynamicTest.dynamicTest(kind + " on " + op + " -> " + expected,
                        () -> scenario(kind, op)));
            }
        }
        return tests.stream();
    }

    private void scenario(FaultKind kind, Operation op) throws Exception {
        scenarios.incrementAndGet();
        try {
            check(matrix.run(kind, op));
            passed.incrementAndGet();
        } catch (AssertionError | RuntimeException e) {
            synchronized (failures) {
                failures.add(kind + " on " + op + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            throw e;
        }
    }

    private void check(FaultMatrix.Run run) {
        Sandbox sandbox = matrix.sandbox();
        Operation op = run.op();
        FaultKind.Expected expected = run.expected();
        DeployResult result = run.result();
        OpenChoreoException error = run.error();
        leakedSecrets.addAndGet(run.leaks());
        lostFields.addAndGet(run.lost());
        assertThat(run.leaks()).as("secrets in the log, result or error").isZero();
        assertThat(run.lost()).as("Workload fields lost").isZero();
        // Not a performance check: a guard against a deploy that hangs instead of ending. Each call has
        // its own deadline (4 s, 450 ms in the deadline scenario); the outcome checks below pin which
        // error a deadline gives.
        assertThat(run.elapsed()).as("the deploy ended instead of hanging").isLessThan(HANG_GUARD);
        assertThat(sandbox.requests()).as("every request went to a known route").allSatisfy(r -> assertThat(
                r.route() == Route.TOKEN || FaultMatrix.API_PATH.matcher(r.path()).matches()).as(r.path()).isTrue());

        if (expected.success()) {
            assertThat(error).as("the deploy should have succeeded after retry").isNull();
            assertThat(result.change().outcome()).isIn(op == Operation.CREATE ? Set.of(DeployOutcome.values())
                    : Set.of(DeployOutcome.UPDATED));
            assertThat(sandbox.workload(run.namespace(), "greeter-workload").orElseThrow().path("spec")
                    .path("container").path("image").asText()).isEqualTo(FaultMatrix.NEW_IMAGE);
            if (op.annotatesRun()) {
                assertThat(result.change().workflowRunAnnotated()).isTrue();
                JsonNode annotations = sandbox.workflowRun(run.namespace(), FaultMatrix.RUN).orElseThrow()
                        .path("metadata").path("annotations");
                assertThat(annotations.path("keep").asText()).isEqualTo("this");
                assertThat(annotations.path("openchoreo.dev/workload").asText())
                        .isEqualTo(result.change().workloadJson());
            }
            if (run.kind().asksRetryAfter() && !(op == Operation.UPDATE && run.kind().name().startsWith("S500"))) {
                assertThat(FaultMatrix.retryAfterDelays(run.listener())).as("pauses after a Retry-After in\n%s",
                        run.listener().all()).isNotEmpty().allSatisfy(
                                ms -> assertThat(ms)
                                        .isGreaterThanOrEqualTo(FaultMatrix.MAX_RETRY_AFTER.toMillis()));
            }
        } else {
            assertThat(error).as("the deploy should have failed with " + expected.code()).isNotNull();
            assertThat(error.code()).as(error.describe()).isEqualTo(expected.code());
            assertThat(error.hint()).isNotBlank();
            assertThat(error.getMessage()).isNotBlank();
            if (run.kind() == FaultKind.ECHOED_SECRETS) {
                // The echo reached the message, masked: the leak check above saw the real thing.
                assertThat(error.getMessage()).contains(SecretMasker.MASK);
            }
        }
    }
}
