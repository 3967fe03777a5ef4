package io.jenkins.plugins.openchoreo.client.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault matrix's machinery: one sandbox, and a deploy per fault and call with the fault
 * injected ({@link #run}), measured but not judged. {@code FaultMatrixTest} asserts each
 * scenario's outcome; the benchmark ({@code bench/}) keeps the scoreboard of every scenario.
 * Each scenario has its own namespace, so a request the client gave up on cannot touch the next.
 */
public final class FaultMatrix implements AutoCloseable {

    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(150);
    static final Duration CALL_TIMEOUT = Duration.ofMillis(300);
    static final Duration PAST_RESPONSE_TIMEOUT = Duration.ofMillis(250);
    static final Duration PAST_CALL_TIMEOUT = Duration.ofMillis(600);
    static final long MAX_RESPONSE_BYTES = 64 * 1024;
    static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Bad Gateway"
            + "</h1><p>nginx</p></body></html>";
    static final String HUGE_JSON = "{\"items\":[" + "{\"metadata\":{\"name\":\"padding\"}},".repeat(4000)
            + "{}]}";

    static final Duration MAX_RETRY_AFTER = Duration.ofMillis(60);
    private static final RetrySettings RETRY = RetrySettings.defaults()
            .withDelays(Duration.ofMillis(10), Duration.ofMillis(50)).withMaxRetryAfter(MAX_RETRY_AFTER)
            .withDeadline(Duration.ofSeconds(4));
    private static final Duration SHORT_DEADLINE = Duration.ofMillis(450);
    private static final HttpSettings HTTP = HttpSettings.defaults()
            .withTimeouts(Duration.ofSeconds(1), RESPONSE_TIMEOUT, CALL_TIMEOUT)
            .withMaxResponseBytes(MAX_RESPONSE_BYTES);
    /** For the token expiry: the call must outwait the token's one second of life without timing out. */
    private static final HttpSettings PATIENT_HTTP = HTTP.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(3));
    static final Pattern API_PATH = Pattern.compile(
            "^/api/v1/namespaces/[a-z0-9-]+/(workloads|workflowruns)(/[a-z0-9-]+)?$");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}");
    private static final Pattern RETRY_DELAY = Pattern.compile(" after (\\d+) ms: HTTP \\d+ \\(Retry-After");
    static final String RUN = "greeter-build-7";
    private static final String OLD_IMAGE = "registry.example.com/greeter:41";
    static final String NEW_IMAGE = "registry.example.com/greeter:42";
    private static final WorkspaceFiles NO_FILES = (path, max) -> {
        throw new NoSuchFileException(path);
    };

    private final Sandbox sandbox;
    private final ObjectNode createdControl;
    private final AtomicInteger namespaces = new AtomicInteger();

    private FaultMatrix() {
        sandbox = Sandbox.start();
        // The Workload a fault-free create makes: what every faulty create must make too, or nothing.
        // It also warms up both sides, so the first scenario's timeouts are not eaten by class loading.
        String ns = newNamespace();
        new Deployer(settings(HTTP, RETRY), SandboxTestSupport.credentials(sandbox.defaultClient()),
                new OpenChoreoEngine(), NO_FILES, null).deploy(createRequest(ns).build());
        createdControl = comparable(sandbox.workload(ns, "greeter-workload").orElseThrow());
    }

    /** Starts the sandbox and makes the control Workload. */
    public static FaultMatrix start() {
        return new FaultMatrix();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** What one deploy with {@code kind} injected on {@code op} did. */
    public record Run(FaultKind kind, Operation op, String namespace, DeployResult result, OpenChoreoException error,
            Duration elapsed, int leaks, int lost, RecordingListener listener) {

        public FaultKind.Expected expected() {
            return kind.expected(op);
        }

        /** Succeeded where success is expected, else failed with the expected code and a hint. */
        public boolean asExpected() {
            FaultKind.Expected expected = expected();
            return expected.success() ? error == null
                    : error != null && error.code() == expected.code() && !error.hint().isBlank();
        }
    }

    /** One deploy with the fault injected; its outcome, secrets seen and Workload fields lost. */
    public Run run(FaultKind kind, Operation op) throws Exception {
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

        return new Run(kind, op, ns, result, error, elapsed, leaks(listener, result, error), lost(ns, op, before),
                listener);
    }

    private String newNamespace() {
        String ns = "fm-" + namespaces.incrementAndGet();
        sandbox.addComponent(ns, "shop", "greeter");
        return ns;
    }

    /** The state before the deploy: a rich Workload (except for a create), and a WorkflowRun to annotate. */
    private ObjectNode seed(String ns, Operation op) {
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
                + sandbox.mintToken(Sandbox.DEFAULT_CLIENT_ID) + " | token "
                + sandbox.mintToken(Sandbox.DEFAULT_CLIENT_ID);
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

    private ConnectionSettings settings(HttpSettings http, RetrySettings retry) {
        return SandboxTestSupport.settings(sandbox).toBuilder().http(http).retry(retry).build();
    }

    /**
     * Fields of the Workload lost or changed, other than the image: after an update, against the
     * Workload before (written or not); after a create, against the fault-free create (or none).
     */
    private int lost(String ns, Operation op, ObjectNode before) {
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
    private int leaks(RecordingListener listener, DeployResult result, OpenChoreoException error) {
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

    static List<Long> retryAfterDelays(RecordingListener listener) {
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
