package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every request: classify the route, apply latency and any fault, check the token and the
 * role where the real API does, answer, and record the request (before the answer leaves, so
 * a caller that has its answer always finds its request recorded).
 */
final class Dispatcher implements HttpHandler {

    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final java.util.regex.Pattern SECRET_FIELD = java.util.regex.Pattern.compile(
            "(?i)((?:client_secret|access_token|client_assertion|password)\"?\\s*[=:]\\s*\"?)[^\"&\\s,}]+");

    private final URI apiUrl;
    private final String version;
    private final IdentityProvider identityProvider;
    private final WorkloadApi api;
    private final Faults faults;
    private final RequestLog log;
    private volatile Duration latency = Duration.ZERO;

    Dispatcher(URI apiUrl, String version, IdentityProvider identityProvider, WorkloadApi api, Faults faults,
            RequestLog log) {
        this.apiUrl = apiUrl;
        this.version = version;
        this.identityProvider = identityProvider;
        this.api = api;
        this.faults = faults;
        this.log = log;
    }

    void setLatency(Duration value) {
        latency = value;
    }

    String audience() {
        return identityProvider.audience();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = readBody(exchange.getRequestBody());
            Route route = Route.of(method, path);
            int generation = log.generation();
            int index = record(exchange, route, body);
            sleep(latency);
            Optional<Fault> fault = faults.next(route);
            fault.ifPresent(f -> sleep(f.delay));
            if (fault.isPresent() && fault.get().reset) {
                fault.ifPresent(Dispatcher::meet);
                // An exception out of the handler makes the JDK server drop the connection unanswered.
                log.finished(generation, index);
                throw new IOException("sandbox fault: connection dropped");
            }
            Reply reply;
            try {
                reply = fault.filter(Fault::replacesAnswer).map(f -> faultReply(route, f))
                        .orElseGet(() -> answer(route, method, path, query, body, exchange.getRequestHeaders()
                                .getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type")));
            } catch (RuntimeException e) {
                // A sandbox bug must show as such, not as a dropped connection.
                reply = Reply.error(500, "INTERNAL_ERROR", "sandbox failure: " + e);
            }
            // Held at the gate with its answer made: requests held together all see the state they
            // arrived in (two gated lists both find no Workload, however the threads are scheduled
            // after the gate opens; meeting before answering once let one list see the other's create).
            fault.ifPresent(Dispatcher::meet);
            log.answered(generation, index, reply);
            fault.map(f -> f.retryAfter).ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
            send(exchange, reply, fault.map(f -> f.slowBody).orElse(Duration.ZERO));
        }
    }

    private Reply answer(Route route, String method, String path, String query, String body, String authorization,
            String contentType) {
        String issuer = identityProvider.issuer();
        switch (route) {
            case TOKEN:
                return identityProvider.token(authorization, contentType, body);
            case JWKS:
                return new Reply(200, Reply.JSON, identityProvider.jwks());
            case OIDC_DISCOVERY, OAUTH_AS_DISCOVERY:
                ObjectNode metadata = Json.object().put("issuer", issuer)
                        .put("token_endpoint", issuer + "/oauth2/token")
                        .put("jwks_uri", issuer + "/oauth2/jwks");
                metadata.putArray("grant_types_supported").add("client_credentials");
                metadata.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic")
                        .add("client_secret_post");
                return Reply.json(200, metadata);
            case PROTECTED_RESOURCE:
                // As handlers/oauth_metadata.go (OpenChoreo @ad3f503) writes it: the resource is the MCP server's.
                ObjectNode resource = Json.object().put("resource_name", "OpenChoreo MCP Server")
                        .put("resource", apiUrl + "/mcp");
                identityProvider.authorizationServers().forEach(resource.putArray("authorization_servers")::add);
                resource.putArray("bearer_methods_supported").add("header");
                resource.putArray("scopes_supported");
                resource.put("openchoreo_security_enabled", true);
                return Reply.json(200, resource);
            case VERSION:
                return "GET".equals(method) ? Reply.json(200, Json.object().put("name", "openchoreo-api")
                        .put("version", version).put("gitRevision", "sandbox").put("buildTime", "2026-08-21T00:00:00Z")
                        .put("goOS", "linux").put("goArch", "amd64").put("goVersion", "go1.25.0"))
                        : Reply.text(405, "405 method not allowed\n");
            case HEALTH:
                return Reply.text(200, "OK");
            case OPENAPI:
                ObjectNode openapi = Json.object().put("openapi", "3.0.3");
                openapi.putObject("info").put("title", "OpenChoreo API (sandbox)").put("version", version);
                return Reply.json(200, openapi);
            case LEGACY, UNKNOWN:
                return Reply.pageNotFound();
            default:
                IdentityProvider.Verdict verdict = identityProvider.verify(authorization);
                if (verdict.client() == null) {
                    return Reply.json(401,
                            Json.object().put("error", verdict.error()).put("message", verdict.message()));
                }
                Role role = verdict.client().role();
                String action = route.action();
                if (action != null && !route.filters() && !route.fetchesFirst() && !role.allows(action)) {
                    return Reply.forbidden();
                }
                return api.handle(route, Route.segments(path), Forms.parse(query), body, role);
        }
    }

    /** A fault's answer: its body, or one in the format the route's real server uses. */
    private static Reply faultReply(Route route, Fault fault) {
        if (fault.malformedJson) {
            return new Reply(200, Reply.JSON, "{\"metadata\":{\"name\":\"trunc");
        }
        if (fault.body != null) {
            return new Reply(fault.status, fault.contentType, fault.body);
        }
        if (route == Route.TOKEN) {
            String error = switch (fault.status) {
                case 400 -> "invalid_request";
                case 401 -> "invalid_client";
                case 503 -> "temporarily_unavailable";
                default -> "server_error";
            };
            return IdentityProvider.error(fault.status, error, "injected by the sandbox");
        }
        if (fault.status == 401) {
            return Reply.json(401,
                    Json.object().put("error", "INVALID_TOKEN").put("message", "invalid or expired token"));
        }
        String code = switch (fault.status) {
            case 400 -> "BAD_REQUEST";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 422 -> "UNPROCESSABLE_CONTENT";
            default -> "INTERNAL_ERROR";
        };
        return Reply.error(fault.status, code, "injected by the sandbox: HTTP " + fault.status);
    }

    private int record(HttpExchange exchange, Route route, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.stream()
                .map(v -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")
                        ? maskCredentials(v) : v)
                .toList()));
        return log.add(new RecordedRequest(route, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                maskFields(exchange.getRequestURI().getRawQuery()), Map.copyOf(headers), maskFields(body), 0,
                Instant.now(), null, null, 0, 0));
    }

    /** An Authorization value keeps its scheme only; a value without a scheme is hidden whole. */
    static String maskCredentials(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? "***" : value.substring(0, space) + " ***";
    }

    /** Secret-bearing fields in forms, queries and JSON bodies, whatever their case. */
    static String maskFields(String text) {
        return text == null ? null : SECRET_FIELD.matcher(text).replaceAll("$1***");
    }

    private static void send(HttpExchange exchange, Reply reply, Duration slowBody) throws IOException {
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (slowBody.isZero()) {
            out.write(bytes);
        } else {
            // Trickle the body over the whole duration, so no single read waits long.
            int chunks = (int) Math.max(2, Math.min(bytes.length, slowBody.toMillis() / 100));
            for (int i = 0; i < chunks; i++) {
                int from = bytes.length * i / chunks;
                out.write(bytes, from, bytes.length * (i + 1) / chunks - from);
                out.flush();
                sleep(slowBody.dividedBy(chunks));
            }
        }
        out.flush();
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Waits at the fault's gate until its parties have all arrived (bounded, so a test cannot hang). */
    private static void meet(Fault fault) {
        if (fault.gate == null) {
            return;
        }
        fault.gate.countDown();
        try {
            fault.gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
