package io.jenkins.plugins.openchoreo.client.api;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import static io.jenkins.plugins.openchoreo.client.error.EngineErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.error.UnauthorizedException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Workload API client against the sandbox: every route, every error class, names checked first. */
class WorkloadClientTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test
    private final RecordingListener listener = new RecordingListener();
    private WorkloadClient client;

    @BeforeEach
    void connect() {
        sandbox.addComponent("default", "shop", "greeter");
        client = SandboxTestSupport.connect(sandbox, new TokenCache(java.time.Clock.systemUTC()), listener).workloads();
    }

    private static ObjectNode seeded(String name, String component) {
        return Workload.minimal(name, "shop", component, "registry.example/" + component + ":1").toJson();
    }

    @Test
    void createGetUpdateRoundTrip() {
        Workload created = client.create("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1"));
        assertThat(created.labels()).containsEntry("openchoreo.dev/component", "greeter")
                .containsEntry("openchoreo.dev/project", "shop");
        Workload read = client.get("default", "greeter-workload");
        assertThat(read.image()).isEqualTo("r/g:1");
        Workload updated = client.update("default", read.withImage("r/g:2"));
        assertThat(updated.image()).isEqualTo("r/g:2");
        assertThat(sandbox.workload("default", "greeter-workload")).get()
                .extracting(w -> w.path("spec").path("container").path("image").asText()).isEqualTo("r/g:2");
        assertThat(sandbox.requests()).filteredOn(r -> r.route() != Route.TOKEN)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isNotNull());
    }

    @Test
    void listFollowsEveryPageAndFiltersByComponent() {
        sandbox.addComponent("default", "shop", "other");
        for (int i = 0; i < 230; i++) {
            sandbox.putWorkload("default", seeded("greeter-" + i, "greeter"));
        }
        sandbox.putWorkload("default", seeded("other-workload", "other"));
        List<Workload> found = client.listByComponent("default", "greeter");
        assertThat(found).hasSize(230).allSatisfy(w -> assertThat(w.componentName()).isEqualTo("greeter"));
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(3);
        assertThat(sandbox.requests()).filteredOn(r -> r.route() == Route.WORKLOAD_LIST)
                .allSatisfy(r -> assertThat(r.query()).contains("component=greeter").contains("limit=100"));
        assertThat(client.listByComponent("default", "nobody")).isEmpty();
    }

    private static String page(String cursorJson) {
        return "{\"items\":[" + seeded("greeter-workload", "greeter") + "],\"pagination\":{\"nextCursor\":"
                + cursorJson + "}}";
    }

    @Test
    void aServerThatRepeatsACursorCannotLoopTheListForever() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).body("application/json", page("\"c1\"")).times(10));
        assertThat(client.listByComponent("default", "greeter")).hasSize(2);
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(2);
        assertThat(sandbox.requests()).filteredOn(r -> r.route() == Route.WORKLOAD_LIST).last()
                .satisfies(r -> assertThat(r.query()).contains("cursor=c1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "null", "42"})
    void anEmptyOrMalformedCursorEndsTheList(String cursor) {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).body("application/json", page(cursor)));
        assertThat(client.listByComponent("default", "greeter")).hasSize(1);
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(1);
    }

    @Test
    void aListAnswerThatIsNotAJsonObjectIsABadResponse() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).body("application/json", "[]")
                .times(SandboxTestSupport.FAST_RETRY.maxAttempts()));
        assertThat(assertFails(() -> client.listByComponent("default", "greeter"), OpenChoreoException.class,
                ErrorCode.BAD_RESPONSE)).hasMessageContaining("not a JSON object");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "{\"name\":\"openchoreo-api\",\"version\":\"v1.2.0\",\"gitRevision\":\"ad3f503\"} | openchoreo-api v1.2.0 (ad3f503)",
        "{\"version\":\"v1.0.5\"}                                                   | openchoreo-api v1.0.5",
        "{\"name\":\"api\",\"version\":7}                                            | api (version unknown)",
        "{}                                                                        | openchoreo-api (version unknown)"})
    void theVersionReadsWhatTheServerReports(String body, String shown) {
        sandbox.faults().add(Fault.on(Route.VERSION).body("application/json", body));
        assertThat(client.version().toString()).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 403})
    void aVersionAnswerWithoutAnObjectAsksWhetherThisIsTheApi(int status) {
        sandbox.faults().add(Fault.on(Route.VERSION).status(status).body("application/json", "[\"v1.2.0\"]"));
        OpenChoreoException e = assertFails(client::version, OpenChoreoException.class, ErrorCode.BAD_RESPONSE);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("is this the OpenChoreo API?");
    }

    /** A server without the route: the code a deploy gets for the missing Workload routes (issue 18, point 8). */
    @Test
    void aMissingVersionRouteIsAMissingRoute() {
        sandbox.faults().add(Fault.on(Route.VERSION).status(404).body("text/plain", "404 page not found"));
        OpenChoreoException e = assertFails(client::version, OpenChoreoException.class, ErrorCode.API_ROUTE_NOT_FOUND);
        assertThat(e.category().exitCode()).isEqualTo(5);
        assertThat(e.getMessage()).contains("HTTP 404").contains("no /version route");
    }

    @Test
    void conflictMissingAndUnknownComponentAreTyped() {
        client.create("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1"));
        assertThat(assertFails(() -> client.create("default", Workload.minimal("greeter-workload", "shop", "greeter",
                "r/g:2")), ConflictException.class, ErrorCode.API_CONFLICT).getMessage()).contains("409")
                .contains("already exists");
        assertThat(assertFails(() -> client.get("default", "missing-workload"), NotFoundException.class,
                ErrorCode.API_NOT_FOUND).category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(assertFails(() -> client.create("default", Workload.minimal("ghost-workload", "shop", "ghost",
                "r/g:1")), NotFoundException.class, ErrorCode.COMPONENT_NOT_FOUND).hint()).contains("External CI");
    }

    @Test
    void validationFailuresCarryTheServersFieldMessages() {
        Workload noImage = Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1")
                .edit(doc -> Workload.container(doc).remove("image"));
        InvalidRequestException e = assertFails(() -> client.create("default", noImage), InvalidRequestException.class,
                ErrorCode.API_INVALID);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).contains("spec.container.image");
        assertThat(e.fieldErrors()).extracting(f -> f.field()).contains("spec.container.image");
    }

    @Test
    void changingTheOwnerIsRefused() {
        sandbox.addComponent("default", "shop", "other");
        Workload created = client.create("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1"));
        Workload moved = created
                .edit(doc -> ((ObjectNode) doc.path("spec").path("owner")).put("componentName", "other"));
        assertThatThrownBy(() -> client.update("default", moved))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getMessage()).contains("spec.owner is immutable"));
    }

    @Test
    void forbiddenNamesTheRoleBinding() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));
        ForbiddenException e = assertFails(() -> client.listByComponent("default", "greeter"),
                ForbiddenException.class, ErrorCode.API_FORBIDDEN);
        assertThat(e.hint()).contains("workload-publisher");
        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION);
    }

    @Test
    void aMissingRouteIsToldFromAMissingObject() {
        OpenChoreoConnection wrongBase = new OpenChoreoEngine().connect(
                ConnectionSettings.builder(sandbox.apiUrl() + "/portal")
                        .tokenUrl(sandbox.tokenUrl().toString()).http(SandboxTestSupport.FAST_HTTP)
                        .retry(SandboxTestSupport.FAST_RETRY).build(),
                SandboxTestSupport.credentials(sandbox.defaultClient()),
                listener);
        NotFoundException e = assertFails(() -> wrongBase.workloads().listByComponent("default", "greeter"),
                NotFoundException.class, ErrorCode.API_ROUTE_NOT_FOUND);
        assertThat(e.getMessage()).contains("404 page not found");
        assertThat(e.hint()).contains("older than OpenChoreo v1.0");
    }

    @Test
    void aReadyTokenThatIsRefusedSaysToRenewIt() {
        String expired = sandbox.mintToken(sandbox.defaultClient().clientId(), Duration.ofSeconds(-5));
        OpenChoreoConnection fixed = new OpenChoreoEngine().connect(SandboxTestSupport.settings(sandbox),
                Credentials.token(expired), listener);
        UnauthorizedException e = assertFails(() -> fixed.workloads().listByComponent("default", "greeter"),
                UnauthorizedException.class, ErrorCode.API_UNAUTHORIZED);
        assertThat(e.hint()).contains("fresh token");
        assertThat(e.describe()).doesNotContain(expired);
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(1);
        assertThat(sandbox.count(Route.TOKEN)).isZero();
    }

    @Test
    void aPersistent401AfterAFreshTokenIsReportedWithTheIssuerHint() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(401).times(2));
        assertThatThrownBy(() -> client.listByComponent("default", "greeter"))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.hint()).contains("issuer").contains("JWKS");
                    assertThat(e.getMessage()).contains("401");
                });
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_GET).status(502).body("text/html",
                "<!DOCTYPE html><html><body>Bad gateway</body></html>").times(10));
        sandbox.putWorkload("default", seeded("greeter-workload", "greeter"));
        assertThat(assertFails(() -> client.get("default", "greeter-workload"), ServerErrorException.class,
                ErrorCode.API_SERVER_ERROR).getMessage()).contains("502").contains("HTML page");
        assertThat(sandbox.count(Route.WORKLOAD_GET)).isEqualTo(SandboxTestSupport.FAST_RETRY.maxAttempts());
    }

    @Test
    void malformedJsonOnAReadIsRetried() {
        sandbox.putWorkload("default", seeded("greeter-workload", "greeter"));
        sandbox.faults().add(Fault.on(Route.WORKLOAD_GET).malformedJson());
        assertThat(client.get("default", "greeter-workload").image()).isEqualTo("registry.example/greeter:1");
        assertThat(sandbox.count(Route.WORKLOAD_GET)).isEqualTo(2);
    }

    @Test
    void aPutRaceIsLeftToTheCaller() {
        sandbox.putWorkload("default", seeded("greeter-workload", "greeter"));
        sandbox.faults().add(Fault.on(Route.WORKLOAD_UPDATE).status(500));
        Workload current = client.get("default", "greeter-workload");
        assertThatThrownBy(() -> client.update("default", current.withImage("r/g:9")))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../admin", "a/b", "a%2Fb", "Upper", "-lead", "trail-", "ünï", "with space", ""})
    void hostileNamesNeverReachTheServer(String name) {
        sandbox.clearRequests();
        assertFails(() -> client.get(name.isEmpty() ? "default" : name, name.isEmpty() ? "" : "x"),
                InvalidRequestException.class, ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> client.listByComponent("default", name)).isInstanceOf(InvalidRequestException.class);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void tooLongNamesAreRefused() {
        assertThatThrownBy(() -> client.listByComponent("default", "a".repeat(64)))
                .hasMessageContaining("at most 63");
        assertThatThrownBy(() -> client.get("n".repeat(64), "x")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void workflowRunsAreReadAndReplaced() {
        ObjectNode run = Json.object();
        run.putObject("metadata").put("name", "build-42").putObject("labels").put("keep", "me");
        run.putObject("spec").put("workflow", "docker");
        sandbox.putWorkflowRun("default", run);
        ObjectNode read = client.getWorkflowRun("default", "build-42");
        ((ObjectNode) read.path("metadata")).putObject("annotations").put("a", "b");
        client.updateWorkflowRun("default", "build-42", read);
        ObjectNode stored = sandbox.workflowRun("default", "build-42").orElseThrow();
        assertThat(stored.path("metadata").path("annotations").path("a").asText()).isEqualTo("b");
        assertThat(stored.path("metadata").path("labels").path("keep").asText()).isEqualTo("me");
        assertThatThrownBy(() -> client.getWorkflowRun("default", "nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void versionAndHealthNeedNoToken() {
        assertThat(client.version().version()).isNotBlank();
        assertThat(client.version().toString()).contains(client.version().version());
        assertThat(client.healthy()).isTrue();
        assertThat(sandbox.count(Route.TOKEN)).isZero();
        sandbox.faults().add(Fault.on(Route.VERSION).status(200).body("text/html", "<html></html>"));
        assertThatThrownBy(() -> client.version()).isInstanceOfSatisfying(OpenChoreoException.class,
                e -> assertThat(e.getMessage()).contains("is this the OpenChoreo API"));
    }
}
