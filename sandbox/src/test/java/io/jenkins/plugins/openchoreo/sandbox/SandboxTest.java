package io.jenkins.plugins.openchoreo.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox answers as the real API and identity provider do (openchoreo-api.md), over real HTTP. */
class SandboxTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private Sandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.get(); // started once for the class, reset before each test
        sandbox.addComponent("default", "shop", "greeter");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String form, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basic != null) {
            request.header("Authorization", "Basic " + basic);
        }
        return send(request);
    }

    private String bearer() throws Exception {
        SandboxClient client = sandbox.defaultClient();
        HttpResponse<String> answer = token("grant_type=client_credentials&client_id=" + client.clientId()
                + "&client_secret=" + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return "Bearer " + Json.MAPPER.readTree(answer.body()).path("access_token").asText();
    }

    private HttpRequest.Builder api(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static String workload(String name, String component, String image) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"team\":\"a\"}},\"spec\":{\"owner\":{"
                + "\"projectName\":\"shop\",\"componentName\":\"" + component + "\"},\"container\":{\"image\":\""
                + image + "\"},\"unknownField\":1}}";
    }

    /** For a Jenkins in a container: every address, URLs that still work on this machine (issue 18, point 4). */
    @Test
    void onEveryAddressItHandsOutLoopbackUrlsThatAnswer() throws Exception {
        try (Sandbox everywhere = Sandbox.builder().bind(java.net.InetAddress.getByName("0.0.0.0")).start()) {
            assertThat(everywhere.apiUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(http.send(HttpRequest.newBuilder(everywhere.apiUrl().resolve("/version")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        try (Sandbox loopback = Sandbox.builder().bind(java.net.InetAddress.getByName("127.0.0.1")).start()) {
            assertThat(loopback.apiUrl().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void eachClientAcceptsExactlyOneAuthenticationMethod() throws Exception {
        sandbox.registerClient("basic-ci", "p+ss w&rd:=%é", AuthMethod.BASIC, Role.WORKLOAD_PUBLISHER);
        String encoded = URLEncoder.encode("basic-ci", StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode("p+ss w&rd:=%é", StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
        assertThat(token("grant_type=client_credentials", basic).statusCode()).isEqualTo(200);

        String raw = Base64.getEncoder().encodeToString("basic-ci:p+ss w&rd:=%é".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> unencoded = token("grant_type=client_credentials", raw);
        assertThat(unencoded.statusCode()).isEqualTo(401);
        assertThat(unencoded.body()).contains("invalid_client");

        HttpResponse<String> wrongMethod = token("grant_type=client_credentials&client_id=basic-ci&client_secret="
                + URLEncoder.encode("p+ss w&rd:=%é", StandardCharsets.UTF_8), null);
        assertThat(wrongMethod.statusCode()).isEqualTo(400);
        assertThat(wrongMethod.body()).contains("unauthorized_client");

        HttpResponse<String> both = token("grant_type=client_credentials&client_secret=x", basic);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("invalid_request");
        assertThat(token("grant_type=password", basic).body()).contains("unsupported_grant_type");
        assertThat(sandbox.requests()).allSatisfy(r -> {
            assertThat(r.body()).doesNotContain("w%26rd");
            assertThat(r.header("Authorization")).isIn(null, "Basic ***");
        });
    }

    @Test
    void theRequestLogHidesSecretsInEveryPlaceTheyTravel() throws Exception {
        send(api("/api/v1/namespaces/default/workloads?access_token=qu3ry-t0ken", "r4w-t0ken"));
        send(api("/api/v1/namespaces/default/workloads", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Client_Secret\": \"js0n-s3cret\"}")));
        token("grant_type=client_credentials&client_id=x&client_secret=f0rm-s3cret", null);
        assertThat(sandbox.requests()).hasSize(3).allSatisfy(r -> assertThat(r.toString())
                .doesNotContain("qu3ry-t0ken").doesNotContain("r4w-t0ken").doesNotContain("js0n-s3cret")
                .doesNotContain("f0rm-s3cret"));
    }

    @Test
    void tokensAreCheckedForSignatureExpiryAndRole() throws Exception {
        String bearer = bearer();
        assertThat(send(api("/api/v1/namespaces/default/workloads?component=greeter", bearer)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> missing = send(api("/api/v1/namespaces/default/workloads", null));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("MISSING_TOKEN");
        String expired = sandbox.mintToken(sandbox.defaultClient().clientId(), Duration.ofSeconds(-1));
        assertThat(send(api("/api/v1/namespaces/default/workloads", "Bearer " + expired)).body())
                .contains("INVALID_TOKEN");
        String tampered = bearer.substring(0, bearer.length() - 4) + "AAAA";
        assertThat(send(api("/api/v1/namespaces/default/workloads", tampered)).statusCode()).isEqualTo(401);
        // Lists leave out what the role may not view; a read of one object is refused with 403.
        HttpResponse<String> namespaces = send(api("/api/v1/namespaces", bearer));
        assertThat(namespaces.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(namespaces.body()).path("items")).isEmpty();
        HttpResponse<String> forbidden = send(api("/api/v1/namespaces/default/components/greeter", bearer));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(forbidden.body()).path("code").asText()).isEqualTo("FORBIDDEN");
        // A missing object is a 404 before the permission is checked, as OpenChoreo's services fetch first.
        assertThat(send(api("/api/v1/namespaces/default/components/ghost", bearer)).statusCode()).isEqualTo(404);
        sandbox.registerClient("admin", "admin-secret", AuthMethod.POST, Role.ADMIN);
        String admin = "Bearer " + sandbox.mintToken("admin");
        assertThat(send(api("/api/v1/namespaces/default/components/greeter", admin)).body()).contains("\"shop\"");
    }

    @Test
    void anAudienceIsDemandedOnlyWhenConfigured() throws Exception {
        try (Sandbox strict = Sandbox.builder().audience("openchoreo-api").start()) {
            strict.addComponent("default", "shop", "greeter");
            String good = "Bearer " + strict.mintToken(strict.defaultClient().clientId());
            HttpRequest.Builder list = HttpRequest.newBuilder(URI.create(strict.apiUrl()
                    + "/api/v1/namespaces/default/workloads")).header("Authorization", good);
            assertThat(send(list).statusCode()).isEqualTo(200);
            HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(strict.tokenUrl().toString()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&resource=elsewhere"
                            + "&client_id=" + Sandbox.DEFAULT_CLIENT_ID + "&client_secret="
                            + URLEncoder.encode(strict.defaultClient().secret(), StandardCharsets.UTF_8))));
            String wrongAudience = Json.MAPPER.readTree(other.body()).path("access_token").asText();
            assertThat(send(HttpRequest.newBuilder(URI.create(strict.apiUrl() + "/api/v1/namespaces/default/workloads"))
                    .header("Authorization", "Bearer " + wrongAudience)).body()).contains("INVALID_CLAIMS");
        }
    }

    @Test
    void tokensOfATrustedIssuerAreCheckedThroughItsJwks() throws Exception {
        try (Sandbox idp = Sandbox.builder().audience("openchoreo-api").start();
                Sandbox other = Sandbox.start();
                Sandbox api = Sandbox.builder().audience("openchoreo-api")
                        .trustIssuer(idp.issuer().toString(), idp.jwksUrl()).start();
                Sandbox slashed = Sandbox.builder().trustIssuer(idp.issuer() + "/", idp.jwksUrl()).start()) {
            api.addComponent("default", "shop", "greeter");
            idp.registerClient("ci-external", "unused", AuthMethod.POST, Role.ADMIN);
            String external = "Bearer " + idp.mintToken("ci-external");
            String list = "/api/v1/namespaces/default/workloads?component=greeter";
            assertThat(status(api, list, external)).isEqualTo(200);
            // The role is the API's to give, bound to the token's sub (the client id for ThunderID-like tokens).
            String component = "/api/v1/namespaces/default/components/greeter";
            assertThat(status(api, component, external)).isEqualTo(403);
            api.assignRole("ci-external", Role.ADMIN);
            assertThat(status(api, component, external)).isEqualTo(200);
            assertThat(status(api, list, "Bearer " + api.mintToken(Sandbox.DEFAULT_CLIENT_ID))).isEqualTo(200);

            assertThat(status(api, list, "Bearer " + idp.mintToken("ci-external", Duration.ofSeconds(-1))))
                    .isEqualTo(401);
            assertThat(status(api, list, "Bearer " + other.mintToken(Sandbox.DEFAULT_CLIENT_ID))).isEqualTo(401);
            assertThat(status(slashed, list, external)).isEqualTo(401);
            String tampered = external.substring(0, external.length() - 4) + "AAAA";
            assertThat(status(api, list, tampered)).isEqualTo(401);
            String otherAudience = "Bearer " + idp.mintToken("ci-external");
            try (Sandbox strict = Sandbox.builder().audience("another-api")
                    .trustIssuer(idp.issuer().toString(), idp.jwksUrl()).start()) {
                HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(strict.apiUrl() + list))
                        .header("Authorization", otherAudience));
                assertThat(refused.body()).contains("INVALID_CLAIMS");
            }
            JsonNode resource = Json.MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(api.apiUrl()
                    + "/.well-known/oauth-protected-resource"))).body());
            assertThat(resource.path("authorization_servers").get(0).asText()).isEqualTo(idp.issuer().toString());
            assertThat(resource.path("authorization_servers").get(1).asText()).isEqualTo(api.issuer().toString());
        }
    }

    @Test
    void aTrustedIssuerWhoseKeysCannotBeFetchedVouchesForNothing() throws Exception {
        URI closed;
        try (Sandbox gone = Sandbox.start()) {
            closed = gone.jwksUrl();
        }
        try (Sandbox idp = Sandbox.start();
                Sandbox api = Sandbox.builder().trustIssuer(idp.issuer().toString(), closed).start()) {
            idp.registerClient("ci-external", "unused", AuthMethod.POST, Role.ADMIN);
            assertThat(status(api, "/api/v1/namespaces/default/workloads", "Bearer " + idp.mintToken("ci-external")))
                    .isEqualTo(401);
        }
        assertThatThrownBy(() -> Sandbox.builder().trustIssuer(" ", closed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int status(Sandbox target, String path, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(target.apiUrl() + path)).header("Authorization", authorization))
                .statusCode();
    }

    @Test
    void workloadsFollowTheRealServersRules() throws Exception {
        String bearer = bearer();
        String base = "/api/v1/namespaces/default/workloads";
        HttpResponse<String> created = send(api(base, bearer).POST(HttpRequest.BodyPublishers.ofString(
                workload("greeter-workload", "greeter", "r/g:1"))));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode stored = Json.MAPPER.readTree(created.body());
        assertThat(stored.path("metadata").path("labels").path("openchoreo.dev/component").asText())
                .isEqualTo("greeter");
        assertThat(stored.path("spec").has("unknownField")).isFalse();

        assertThat(send(api(base, bearer).POST(HttpRequest.BodyPublishers.ofString(
                workload("greeter-workload", "greeter", "r/g:1")))).statusCode()).isEqualTo(409);
        HttpResponse<String> ghost = send(api(base, bearer).POST(HttpRequest.BodyPublishers.ofString(
                workload("ghost-workload", "ghost", "r/g:1"))));
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(ghost.body()).contains("Referenced component not found");
        HttpResponse<String> notJson = send(api(base, bearer).POST(HttpRequest.BodyPublishers.ofString("image: x")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        HttpResponse<String> invalid = send(api(base, bearer).POST(HttpRequest.BodyPublishers.ofString(
                workload("bad-workload", "greeter", "").replace("\"container\":{\"image\":\"\"}",
                        "\"container\":{\"image\":\"\",\"env\":[{\"key\":\"A\",\"value\":\"1\",\"valueFrom\":{}}]},"
                                + "\"endpoints\":{\"api\":{\"type\":\"FTP\",\"port\":70000}}"))));
        assertThat(invalid.statusCode()).isEqualTo(422);
        JsonNode error = Json.MAPPER.readTree(invalid.body());
        assertThat(error.path("error").asText()).contains("spec.container.image: Required value")
                .contains("value and valueFrom are mutually exclusive").contains("; ");
        assertThat(error.path("details")).hasSize(4);

        String replaced = workload("greeter-workload", "greeter", "r/g:2").replace("\"labels\":{\"team\":\"a\"}",
                "\"labels\":{}");
        HttpResponse<String> put = send(api(base + "/greeter-workload", bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(replaced)));
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode updated = Json.MAPPER.readTree(put.body());
        assertThat(updated.path("metadata").path("labels").has("team")).isFalse();
        assertThat(updated.path("metadata").path("labels").path("openchoreo.dev/project").asText()).isEqualTo("shop");
        // The API's ObjectMeta has no generation (openapi.yaml); the server's answer drops it.
        assertThat(updated.path("metadata").has("generation")).isFalse();

        sandbox.addComponent("default", "shop", "other");
        HttpResponse<String> moved = send(api(base + "/greeter-workload", bearer).PUT(HttpRequest.BodyPublishers
                .ofString(workload("greeter-workload", "other", "r/g:2"))));
        assertThat(moved.statusCode()).isEqualTo(422);
        assertThat(moved.body()).contains("spec.owner is immutable");
        assertThat(send(api(base + "/missing", bearer).PUT(HttpRequest.BodyPublishers.ofString(replaced)))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aWorkloadChangeIsReleasedAndBecomesReadyAfterTheDelay() throws Exception {
        sandbox.setRolloutDelay(Duration.ofMillis(400));
        String publisher = bearer();
        String withEndpoint = workload("greeter-workload", "greeter", "r/g:1").replace("\"unknownField\":1",
                "\"endpoints\":{\"api\":{\"type\":\"HTTP\",\"port\":8080,\"visibility\":[\"external\"]}}");
        assertThat(send(api("/api/v1/namespaces/default/workloads", publisher).POST(HttpRequest.BodyPublishers
                .ofString(withEndpoint))).statusCode()).isEqualTo(201);
        sandbox.registerClient("watcher", "w", AuthMethod.POST, Role.ROLLOUT_WATCHER);
        String watcher = "Bearer " + sandbox.mintToken("watcher");
        String release = Json.MAPPER.readTree(send(api("/api/v1/namespaces/default/components/greeter", watcher))
                .body()).path("status").path("latestRelease").path("name").asText();
        assertThat(release).startsWith("greeter-");
        Thread.sleep(450);
        // The shipped CI role sees no binding in the list (200, filtered), and a 403 for the binding itself.
        HttpResponse<String> filtered = send(api("/api/v1/namespaces/default/releasebindings?component=greeter",
                publisher));
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(filtered.body()).path("items")).isEmpty();
        String binding = "/api/v1/namespaces/default/releasebindings/greeter-development";
        assertThat(send(api(binding, publisher)).statusCode()).isEqualTo(403);
        assertThat(send(api(binding + "/k8sresources/tree", publisher)).statusCode()).isEqualTo(403);
        assertThat(send(api("/api/v1/namespaces/default/releasebindings/ghost-development", publisher)).statusCode())
                .isEqualTo(404);

        JsonNode read = Json.MAPPER.readTree(send(api(binding, watcher)).body());
        assertThat(read.path("metadata").has("generation")).isFalse();
        assertThat(read.path("spec").path("releaseName").asText()).isEqualTo(release);
        assertThat(read.path("status").path("observedGeneration").asInt()).isEqualTo(1);
        assertThat(read.path("status").path("conditions").toString()).contains("\"Ready\",\"status\":\"True\"");
        JsonNode endpoint = read.path("status").path("endpoints").get(0);
        assertThat(endpoint.path("serviceURL").path("host").asText()).endsWith(".svc.cluster.local");
        assertThat(endpoint.has("invokeURL")).isFalse();
        assertThat(endpoint.path("externalURLs").path("https").path("port").asInt()).isEqualTo(19443);
        JsonNode tree = Json.MAPPER.readTree(send(api(binding + "/k8sresources/tree", watcher)).body());
        JsonNode pod = null;
        for (JsonNode node : tree.path("renderedReleases").get(0).path("nodes")) {
            pod = "Pod".equals(node.path("kind").asText()) ? node : pod;
        }
        assertThat(pod).isNotNull();
        String podName = pod.path("name").asText();
        assertThat(send(api(binding + "/k8sresources/events?version=v1&kind=Pod&name=" + podName, watcher)).body())
                .contains("Started container");
        assertThat(send(api(binding + "/k8sresources/events?kind=Pod&name=" + podName, watcher)).statusCode())
                .isEqualTo(400);
        assertThat(send(api(binding + "/k8sresources/logs?podName=" + podName, watcher)).body())
                .contains("logEntries");
        // There is no …/releasebindings/{name}/events route: the router's plain-text 404.
        assertThat(send(api(binding + "/events", watcher)).body()).isEqualTo("404 page not found\n");
    }

    @Test
    void aNewReleaseLeavesTheBindingStaleUntilTheControllerCatchesUp() throws Exception {
        sandbox.putWorkload("default", (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                workload("greeter-workload", "greeter", "r/g:1")));
        sandbox.setRolloutDelay(Duration.ofMillis(2000));
        String publisher = bearer();
        assertThat(send(api("/api/v1/namespaces/default/workloads/greeter-workload", publisher)
                .PUT(HttpRequest.BodyPublishers.ofString(workload("greeter-workload", "greeter", "r/g:2"))))
                .statusCode())
                .isEqualTo(200);
        sandbox.registerClient("watcher", "w", AuthMethod.POST, Role.ROLLOUT_WATCHER);
        String watcher = "Bearer " + sandbox.mintToken("watcher");
        String binding = "/api/v1/namespaces/default/releasebindings/greeter-development";
        Thread.sleep(600);
        // Switched to the new release (D/4), not yet reconciled (D/2): the previous status, Ready included.
        JsonNode stale = Json.MAPPER.readTree(send(api(binding, watcher)).body());
        assertThat(stale.path("status").path("observedGeneration").asInt()).isEqualTo(1);
        assertThat(stale.path("status").path("conditions").toString()).contains("\"Ready\",\"status\":\"True\"");
        Thread.sleep(500);
        // Reconciled (observedGeneration 2), but ResourcesReady is still the previous release's.
        JsonNode first = Json.MAPPER.readTree(send(api(binding, watcher)).body());
        assertThat(first.path("status").path("observedGeneration").asInt()).isEqualTo(2);
        for (JsonNode condition : first.path("status").path("conditions")) {
            if ("ResourcesReady".equals(condition.path("type").asText())) {
                assertThat(condition.path("observedGeneration").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void listsFilterByComponentAndPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            sandbox.putWorkload("default", (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                    workload("greeter-" + i, "greeter", "r/g:1")));
        }
        sandbox.putWorkload("default", (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                workload("other-workload", "other", "r/o:1")));
        String bearer = bearer();
        JsonNode page = Json.MAPPER.readTree(send(api("/api/v1/namespaces/default/workloads?component=greeter&limit=2",
                bearer)).body());
        assertThat(page.path("items")).hasSize(2);
        String cursor = page.path("pagination").path("nextCursor").asText();
        int seen = 2;
        while (!cursor.isEmpty()) {
            page = Json.MAPPER
                    .readTree(send(api("/api/v1/namespaces/default/workloads?component=greeter&limit=2&cursor="
                            + cursor, bearer)).body());
            seen += page.path("items").size();
            cursor = page.path("pagination").path("nextCursor").asText();
        }
        assertThat(seen).isEqualTo(5);
    }

    @Test
    void removedRoutesAnswerThePlainTextNotFound() throws Exception {
        HttpResponse<String> legacy = send(api("/api/v1/orgs/default/projects/shop/components/greeter/workloads",
                bearer()));
        assertThat(legacy.statusCode()).isEqualTo(404);
        assertThat(legacy.body()).isEqualTo("404 page not found\n");
        assertThat(sandbox.requests()).last().extracting(RecordedRequest::route).isEqualTo(Route.LEGACY);
    }

    @Test
    void discoveryLeadsFromTheApiToTheTokenEndpoint() throws Exception {
        JsonNode resource = Json.MAPPER.readTree(send(api("/.well-known/oauth-protected-resource", null)).body());
        String issuer = resource.path("authorization_servers").get(0).asText();
        assertThat(issuer).isEqualTo(sandbox.issuer().toString());
        JsonNode oidc = Json.MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(issuer
                + "/.well-known/openid-configuration"))).body());
        assertThat(oidc.path("token_endpoint").asText()).isEqualTo(sandbox.tokenUrl().toString());
        assertThat(send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl()
                + "/.well-known/oauth-authorization-server/idp"))).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(sandbox.jwksUrl())).body()).contains("\"kid\"").doesNotContain("\"d\"");
    }

    @Test
    void faultsApplyInOrderAndCanDropTheConnection() throws Exception {
        sandbox.faults().add(Fault.on(Route.VERSION).status(503).retryAfter("2").after(1));
        sandbox.faults().add(Fault.on(Route.VERSION).reset());
        sandbox.faults().add(Fault.on(Route.VERSION).malformedJson());
        HttpRequest.Builder version = api("/version", null);
        assertThat(send(version).statusCode()).isEqualTo(200);
        HttpResponse<String> unavailable = send(version);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("2");
        // A POST, because Java's client silently repeats an idempotent request once on a dropped connection.
        assertThatThrownBy(() -> send(api("/version", null).POST(HttpRequest.BodyPublishers.noBody())))
                .isInstanceOf(IOException.class);
        assertThat(send(version).body()).isEqualTo("{\"metadata\":{\"name\":\"trunc");
        assertThat(send(version).body()).contains("v1.2.0");
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(5);
    }

    @Test
    void theProxyForwardsAndAsksForCredentials() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.start("u", "p")) {
            HttpClient viaProxy = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(
                    new java.net.InetSocketAddress("127.0.0.1", proxy.port()))).build();
            HttpResponse<String> refused = viaProxy.send(api("/version", null).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(407);
        }
        try (LoopbackProxy open = LoopbackProxy.start()) {
            HttpClient viaProxy = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(
                    new java.net.InetSocketAddress("127.0.0.1", open.port()))).build();
            assertThat(viaProxy.send(api("/version", null).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("openchoreo-api");
            assertThat(open.requestedUrls()).containsExactly(sandbox.apiUrl() + "/version");
        }
    }

    @Test
    void theLogCountsRoundTripsInSequenceAndRequestsInFlight() throws Exception {
        send(api("/version", null));
        send(api("/health", null));
        assertThat(sandbox.requests()).extracting(RecordedRequest::sequence).containsExactly(1, 2);
        assertThat(sandbox.requests()).extracting(RecordedRequest::inFlight).containsExactly(1, 1);
        assertThat(sandbox.sequentialRoundTrips()).isEqualTo(2);
        assertThat(sandbox.mostInFlight()).isEqualTo(1);

        // Two requests sent at once, held until both are there; then one after them, and one after a dropped one.
        sandbox.clearRequests();
        Fault gate = Fault.on(Route.VERSION).together(2);
        sandbox.faults().add(gate).add(Fault.on(Route.HEALTH).togetherWith(gate));
        CompletableFuture<HttpResponse<String>> version = http.sendAsync(api("/version", null).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> health = http.sendAsync(api("/health", null).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(version.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(health.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        send(api("/version", null));
        sandbox.faults().add(Fault.on(Route.VERSION).reset());
        assertThatThrownBy(() -> send(api("/version", null).POST(HttpRequest.BodyPublishers.noBody())))
                .isInstanceOf(IOException.class);
        send(api("/health", null));
        assertThat(sandbox.requests()).extracting(RecordedRequest::sequence).containsExactly(1, 1, 2, 3, 4);
        assertThat(sandbox.requests().subList(0, 2)).extracting(RecordedRequest::inFlight)
                .containsExactlyInAnyOrder(1, 2);
        assertThat(sandbox.requests().subList(2, 5)).extracting(RecordedRequest::inFlight).containsOnly(1);
        assertThat(sandbox.sequentialRoundTrips()).isEqualTo(4);
        assertThat(sandbox.mostInFlight()).isEqualTo(2);
        assertThatThrownBy(() -> Fault.on(Route.HEALTH).togetherWith(Fault.on(Route.VERSION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together(parties)");
    }
}
