package io.jenkins.plugins.openchoreo.client.faults;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fault of the sandbox crossed with every call of a deploy. Each scenario ends in success
 * after retry or in the typed error the table in {@link FaultKind} names, with a hint, within its
 * time; no Workload field is lost and no secret is printed. Each scenario has its own namespace,
 * so a request the client gave up on cannot touch the next scenario. Prints its own figure.
 */
class FaultMatrixTest {

    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(150);
    static final Duration CALL_TIMEOUT = Duration.ofMillis(300);
    static final Duration PAST_RESPONSE_TIMEOUT = Duration.ofMillis(250);
    static final Duration PAST_CALL_TIMEOUT = Duration.ofMillis(600);
    static final long MAX_RESPONSE_BYTES = 64 * 1024;
    static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Bad Gateway"
            + "</h1><p>nginx</p></body></html>";
    static final String HUGE_JSON = "{\"items\":[" + "{\"metadata\":{\"name\":\"padding\"}},".repeat(4000)
            + "{}]}";

    private static final Duration MAX_RETRY_AFTER = Duration.ofMillis(60);
    private static final RetrySettings RETRY = RetrySettings.defaults()
            .withDelays(Duration.ofMillis(10), Duration.ofMillis(50)).withMaxRetryAfter(MAX_RETRY_AFTER)
            .withDeadline(Duration.ofSeconds(4));
    private static final Duration SHORT_DEADLINE = Duration.ofMillis(450);
    private static final HttpSettings HTTP = HttpSettings.defaults()
            .withTimeouts(Duration.ofSeconds(1), RESPONSE_TIMEOUT, CALL_TIMEOUT).withMaxResponseBytes(MAX_RESPONSE_BYTES);
    /** For the token expiry: the call must outwait the token's one second of life without timing out. */
    private static final HttpSettings PATIENT_HTTP = HTTP.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(3));
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Pattern API_PATH = Pattern.compile(
            "^/api/v1/namespaces/[a-z0-9-]+/(workloads|workflowruns)(/[a-z0-9-]+)?$");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}");
    private static final Pattern RETRY_DELAY = Pattern.compile(" after (\\d+) ms: HTTP \\d+ \\(Retry-After");
    private static final String RUN = "greeter-build-7";
    private static final String OLD_IMAGE = "registry.example.com/greeter:41";
    private static final String NEW_IMAGE = "registry.example.com/greeter:42";
    private static final WorkspaceFiles NO_FILES = (path, max) -> {
        throw new NoSuchFileException(path);
    };

    private static Sandbox sandbox;
    private static ObjectNode createdControl;
    private static final AtomicInteger namespaces = new AtomicInteger();
    private static final AtomicInteger scenarios = new AtomicInteger();
    private static final AtomicInteger passed = new AtomicInteger();
    private static final AtomicInteger lostFields = new AtomicInteger();
    private static final AtomicInteger leakedSecrets = new AtomicInteger();
    private static final AtomicInteger succeeded = new AtomicInteger();
    private static final AtomicInteger failedClearly = new AtomicInteger();
    private static final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        // The Workload a fault-free create makes: what every faulty create must make too, or nothing.
        // It also warms up both sides, so the first scenario's timeouts are not eaten by class loading.
        String ns = newNamespace();
        new Deployer(settings(HTTP, RETRY), SandboxTestSupport.credentials(sandbox.defaultClient()),
                new OpenChoreoEngine(), NO_FILES, null).deploy(createRequest(ns).build());
        createdControl = comparable(sandbox.workload(ns, "greeter-workload").orElseThrow());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        System.out.printf("[fault-matrix] scenarios %d, passed %d, succeeded after retry %d, failed clearly %d, "
                + "lost fields %d, leaked secrets %d%n", scenarios.get(), passed.get(), succeeded.get(),
                failedClearly.get(), lostFields.get(), leakedSecrets.get());
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
                        () -> scenario(kind, op, expected)));
            }
        }
        return tests.stream();
    }

    private void scenario(FaultKind kind, Operation op, FaultKind.Expected expected) throws Exception {
        scenarios.incrementAndGet();
        try {
            run(kind, op, expected);
            passed.incrementAndGet();
        } catch (AssertionError | RuntimeException e) {
            synchronized (failures) {
                failures.add(kind + " on " + op + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            throw e;
        }
    }

    private void run(FaultKind kind, Operation op, FaultKind.Expected expected) throws Exception {
        String ns = newNamespace();
        sandbox.faults().clear();
        ObjectNode before = seed(ns, op);
        HttpSettings http = HTTP;
        RetrySettings retry = RETRY;
        CompletableFuture<Void> restoreLifetime = CompletableFuture.completedFuture(null);
        switch (kind) {
            case TOKEN_EXPIRY -> {
                if (op == Operation.TOKEN) {
                    sandbox.setTokenLifetime(Duration.ofSeconds(-5));
                } else {
                    // The first token lives a second; the call waits past it; the fresh one lives an hour.
                    sandbox.setTokenLifetime(Duration.ofSeconds(1));
                    sandbox.faults().add(Fault.on(op.route).delay(Duration.ofMillis(1100)));
                    http = PATIENT_HTTP;
                    restoreLifetime = CompletableFuture.runAsync(() -> sandbox.setTokenLifetime(Duration.ofHours(1)),
                            CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
                }
            }
            case IDP_DOWN -> {
                if (op != Operation.TOKEN) {
                    sandbox.faults().add(Fault.on(op.route).status(401));
                }
                sandbox.faults().add(Fault.on(Route.TOKEN).reset().times(99).after(op == Operation.TOKEN ? 0 : 1));
            }
            case LATENCY_PAST_DEADLINE -> {
                retry = RETRY.withDeadline(SHORT_DEADLINE);
                sandbox.faults().add(kind.injection.on(sandbox, op.route));
            }
            default -> sandbox.faults().add(kind.injection.on(sandbox, op.route));
        }

        RecordingListener listener = new RecordingListener();
        Deployer deployer = new Deployer(settings(http, retry), SandboxTestSupport.credentials(sandbox.defaultClient()),
                new OpenChoreoEngine(), NO_FILES, listener);
        DeployRequest request = (op == Operation.CREATE ? createRequest(ns) : updateRequest(ns, op)).build();
        DeployResult result = null;
        OpenChoreoException error = null;
        long start = System.nanoTime();
        try {
            result = deployer.deploy(request);
        } catch (OpenChoreoException e) {
            error = e;
        } finally {
            restoreLifetime.get();
            sandbox.setTokenLifetime(Duration.ofHours(1));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        int leaks = leaks(listener, result, error);
        int lost = lost(ns, op, before);
        leakedSecrets.addAndGet(leaks);
        lostFields.addAndGet(lost);
        assertThat(leaks).as("secrets in the log, result or error").isZero();
        assertThat(lost).as("Workload fields lost").isZero();
        // Not a performance check: a guard against a deploy that hangs instead of ending. Each call has
        // its own deadline (4 s, 450 ms in the deadline scenario); the outcome checks below pin which
        // error a deadline gives.
        assertThat(elapsed).as("the deploy ended instead of hanging").isLessThan(HANG_GUARD);
        assertThat(sandbox.requests()).as("every request went to a known route").allSatisfy(r -> assertThat(
                r.route() == Route.TOKEN || API_PATH.matcher(r.path()).matches()).as(r.path()).isTrue());

        if (expected.success()) {
            assertThat(error).as("the deploy should have succeeded after retry").isNull();
            succeeded.incrementAndGet();
            assertThat(result.change().outcome()).isIn(op == Operation.CREATE ? Set.of(DeployOutcome.values())
                    : Set.of(DeployOutcome.UPDATED));
            assertThat(sandbox.workload(ns, "greeter-workload").orElseThrow().path("spec").path("container")
                    .path("image").asText()).isEqualTo(NEW_IMAGE);
            if (op.annotatesRun()) {
                assertThat(result.change().workflowRunAnnotated()).isTrue();
                JsonNode annotations = sandbox.workflowRun(ns, RUN).orElseThrow().path("metadata").path("annotations");
                assertThat(annotations.path("keep").asText()).isEqualTo("this");
                assertThat(annotations.path("openchoreo.dev/workload").asText())
                        .isEqualTo(result.change().workloadJson());
            }
            if (kind.asksRetryAfter() && !(op == Operation.UPDATE && kind.name().startsWith("S500"))) {
                assertThat(retryAfterDelays(listener)).as("pauses after a Retry-After in\n%s", listener.all()).isNotEmpty()
                        .allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(MAX_RETRY_AFTER.toMillis()));
            }
        } else {
            assertThat(error).as("the deploy should have failed with " + expected.code()).isNotNull();
            failedClearly.incrementAndGet();
            assertThat(error.code()).as(error.describe()).isEqualTo(expected.code());
            assertThat(error.hint()).isNotBlank();
            assertThat(error.getMessage()).isNotBlank();
            if (kind == FaultKind.ECHOED_SECRETS) {
                // The echo reached the message, masked: the leak check above saw the real thing.
                assertThat(error.getMessage()).contains(SecretMasker.MASK);
            }
        }
    }

    private static String newNamespace() {
        String ns = "fm-" + namespaces.incrementAndGet();
        sandbox.addComponent(ns, "shop", "greeter");
        return ns;
    }

    /** The state before the deploy: a rich Workload (except for a create), and a WorkflowRun to annotate. */
    private static ObjectNode seed(String ns, Operation op) {
        if (op.annotatesRun()) {
            ObjectNode run = Json.object();
            ObjectNode metadata = run.putObject("metadata").put("name", RUN);
            metadata.putObject("annotations").put("keep", "this");
            run.putObject("spec").put("workflow", "docker-build");
            sandbox.putWorkflowRun(ns, run);
        }
        if (op == Operation.CREATE) {
            return null;
        }
        sandbox.putWorkload(ns, RichWorkload.of("greeter-workload", "shop", "greeter", OLD_IMAGE));
        return comparable(sandbox.workload(ns, "greeter-workload").orElseThrow());
    }

    private static DeployRequest.Builder updateRequest(String ns, Operation op) {
        DeployRequest.Builder request = DeployRequest.builder("greeter", NEW_IMAGE).namespace(ns).project("shop");
        return op.annotatesRun() ? request.workflowRun(RUN).failOnWorkflowRunError(true) : request;
    }

    private static DeployRequest.Builder createRequest(String ns) {
        return DeployRequest.builder("greeter", NEW_IMAGE).namespace(ns).project("shop")
                .env(List.of("LOG_LEVEL=debug", "DB_URL=postgres://db:5432/app?sslmode=require"))
                .endpoints("- {name: api, port: 8080, type: HTTP, visibility: [external], basePath: /api}")
                .files("- {name: app.json, mountPath: /etc/cfg, value: '{\"a\": 1}'}")
                .dependencies("resources: [{ref: cache, envBindings: {url: CACHE_URL}}]")
                .labels(Map.of("team", "payments")).annotations(Map.of("owner", "alice@example.com"));
    }

    /** An error body quoting the request's credentials, in every form they travel in. */
    static String echoingBody(Sandbox sandbox, Route route) {
        String echoed = String.join(" | ", secretForms(sandbox)) + " | Authorization: Bearer "
                + sandbox.mintToken(Sandbox.DEFAULT_CLIENT_ID) + " | token " + sandbox.mintToken(Sandbox.DEFAULT_CLIENT_ID);
        ObjectNode body = Json.object();
        if (route == Route.TOKEN) {
            body.put("error", "invalid_request").put("error_description", "bad request: " + echoed);
        } else {
            body.put("error", "bad request: " + echoed).put("code", "BAD_REQUEST");
        }
        return body.toString();
    }

    /** The client secret raw, form-encoded, in base64 and as a Basic credential pair. */
    private static List<String> secretForms(Sandbox sandbox) {
        String id = sandbox.defaultClient().clientId();
        String secret = sandbox.defaultClient().secret();
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        return List.of(secret, encoded, base64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + encoded)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static ConnectionSettings settings(HttpSettings http, RetrySettings retry) {
        return SandboxTestSupport.settings(sandbox).toBuilder().http(http).retry(retry).build();
    }

    /**
     * Fields of the Workload lost or changed, other than the image: after an update, against the
     * Workload before (written or not); after a create, against the fault-free create (or none).
     */
    private static int lost(String ns, Operation op, ObjectNode before) {
        Optional<ObjectNode> stored = sandbox.workload(ns, "greeter-workload");
        if (op == Operation.CREATE) {
            return stored.map(s -> differences(createdControl, comparable(s))).orElse(0);
        }
        return differences(before, comparable(stored.orElseThrow()));
    }

    /** What a PUT keeps: labels, annotations and spec, with the image left out. */
    private static ObjectNode comparable(ObjectNode workload) {
        ObjectNode copy = Workload.of(workload).toJson();
        ObjectNode doc = Json.object();
        doc.set("labels", copy.path("metadata").path("labels"));
        doc.set("annotations", copy.path("metadata").path("annotations"));
        doc.set("spec", copy.path("spec"));
        ((ObjectNode) doc.path("spec").path("container")).remove("image");
        return doc;
    }

    /** How many leaves of {@code expected} are missing or different in {@code actual}, plus extra ones. */
    static int differences(JsonNode expected, JsonNode actual) {
        Map<String, JsonNode> want = leaves(expected);
        Map<String, JsonNode> have = leaves(actual);
        int count = 0;
        for (Map.Entry<String, JsonNode> leaf : want.entrySet()) {
            if (!leaf.getValue().equals(have.get(leaf.getKey()))) {
                count++;
            }
        }
        for (String path : have.keySet()) {
            if (!want.containsKey(path)) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", node, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(path + "/" + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!node.isMissingNode()) {
            leaves.put(path, node);
        }
    }

    /** Secrets in anything a user sees: the client secret, or an access token (a JWT). */
    private static int leaks(RecordingListener listener, DeployResult result, OpenChoreoException error) {
        StringBuilder seen = new StringBuilder(listener.all());
        if (result != null) {
            seen.append(result).append(result.toJson()).append(result.summary());
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            seen.append('\n').append(t).append('\n').append(t.getMessage());
        }
        if (error != null) {
            seen.append(error.describe());
        }
        String text = seen.toString();
        int leaks = (int) secretForms(sandbox).stream().filter(text::contains).count();
        Matcher jwt = JWT.matcher(text);
        while (jwt.find()) {
            leaks++;
        }
        return leaks;
    }

    private static List<Long> retryAfterDelays(RecordingListener listener) {
        List<Long> delays = new ArrayList<>();
        for (String line : listener.retries) {
            Matcher m = RETRY_DELAY.matcher(line);
            if (m.find()) {
                delays.add(Long.parseLong(m.group(1)));
            }
        }
        return delays;
    }
}
