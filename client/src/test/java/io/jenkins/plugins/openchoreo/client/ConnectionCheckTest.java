package io.jenkins.plugins.openchoreo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static io.jenkins.plugins.openchoreo.client.error.EngineErrors.assertFails;

import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.UnauthorizedException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Test connection" against the sandbox: what it reports, what it needs, and what each failure tells. */
class ConnectionCheckTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().version("v1.2.3"));
    private final Sandbox sandbox = SANDBOX.get();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void addComponent() {
        sandbox.addComponent("default", "shop", "greeter");
    }

    private ConnectionCheck.Result check(ConnectionSettings settings, Credentials credentials, String component) {
        return ConnectionCheck.run(settings, credentials, new OpenChoreoEngine(), "default", component,
                listener);
    }

    private ConnectionCheck.Result check(String component) {
        return check(SandboxTestSupport.settings(sandbox), SandboxTestSupport.credentials(sandbox.defaultClient()),
                component);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void withoutAComponentItProbesAHarmlessNameAndNeedsOnlyTheCiRole(String component) {
        ConnectionCheck.Result result = check(component);

        assertThat(result.identity()).isEqualTo(Sandbox.DEFAULT_CLIENT_ID);
        assertThat(result.version().version()).isEqualTo("v1.2.3");
        assertThat(result.component()).isEqualTo(ConnectionCheck.PROBE_COMPONENT);
        assertThat(result.workloads()).isZero();
        assertThat(result.subject()).isEqualTo(Sandbox.DEFAULT_CLIENT_ID);
        assertThat(result.summary()).isEqualTo("Connected to " + result.version() + " as "
                + Sandbox.DEFAULT_CLIENT_ID + " (token subject " + Sandbox.DEFAULT_CLIENT_ID + ": the value an "
                + "OpenChoreo role binding must name); may list Workloads in namespace default: none for component "
                + ConnectionCheck.PROBE_COMPONENT + " (an empty list does not show that the namespace exists)");
        // Only routes the workload-publisher role may call: no namespace list, no component read.
        assertThat(sandbox.requests()).extracting(RecordedRequest::route)
                .containsExactly(Route.VERSION, Route.TOKEN, Route.WORKLOAD_LIST);
        assertThat(sandbox.requests()).filteredOn(r -> r.route() == Route.WORKLOAD_LIST).singleElement()
                .satisfies(r -> assertThat(r.query()).contains("component=" + ConnectionCheck.PROBE_COMPONENT));
    }

    @Test
    void aNamedComponentIsTrimmedAndItsWorkloadsCounted() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").toJson());
        ConnectionCheck.Result result = check("  greeter ");
        assertThat(result.component()).isEqualTo("greeter");
        assertThat(result.workloads()).isEqualTo(1);
        assertThat(result.summary()).endsWith("; may list Workloads in namespace default: 1 for component greeter");
    }

    @Test
    void anOpaqueTokenIsReportedAsSuch() {
        // A gateway in front of the API that accepts opaque tokens: the check cannot tell whom the token names.
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).body("application/json", "{\"items\":[]}"));
        ConnectionCheck.Result result = check(SandboxTestSupport.settings(sandbox),
                Credentials.token("opaque-ci-token"),
                "greeter");
        assertThat(result.identity()).isEqualTo("(opaque token)");
        assertThat(result.summary()).contains("as (opaque token);").doesNotContain("opaque-ci-token");
        assertThat(result.subject()).isNull();
        assertThat(sandbox.count(Route.TOKEN)).isZero();
    }

    @Test
    void theSubjectARoleBindingMustNameIsShownWhenItIsNotTheClientId() {
        // Keycloak's client-credentials tokens: client_id/azp name the client, sub the service account's user id.
        String claims = "{\"iss\":\"https://keycloak.example.com/realms/ci\",\"sub\":\"8f1c2d3e-0000-4000-8000-"
                + "000000000001\",\"azp\":\"ci-jenkins\",\"client_id\":\"ci-jenkins\",\"exp\":4102444800}";
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + base64.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).body("application/json", "{\"items\":[]}"));
        ConnectionCheck.Result result = check(SandboxTestSupport.settings(sandbox), Credentials.token(token), null);
        assertThat(result.identity()).isEqualTo("ci-jenkins");
        assertThat(result.subject()).isEqualTo("8f1c2d3e-0000-4000-8000-000000000001");
        assertThat(result.summary()).contains("as ci-jenkins (token subject 8f1c2d3e-0000-4000-8000-000000000001: "
                + "the value an OpenChoreo role binding must name)");
    }

    @Test
    void aMissingRoleBindingIsA403WithTheRoleToBind() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));
        ForbiddenException e = assertFails(() -> check(null), ForbiddenException.class, ErrorCode.API_FORBIDDEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.hint()).contains("workload-publisher");
    }

    @Test
    void anUntrustedIssuerIsA401WithTheIssuerHint() {
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(401).times(2));
        assertThat(assertFails(() -> check(null), UnauthorizedException.class, ErrorCode.API_UNAUTHORIZED).hint())
                .contains("issuer");
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2);
    }

    @Test
    void aRouteTheServerLacksIsA404ThatBlamesTheUrl() {
        // /version answers, the Workload route does not: an API older than OpenChoreo v1.0 (or a wrong base path).
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(404).body("text/plain", "404 page not found"));
        assertThat(assertFails(() -> check(null), OpenChoreoException.class, ErrorCode.API_ROUTE_NOT_FOUND).hint())
                .contains("API URL may be wrong");
    }

    @Test
    void aUrlThatIsNotTheApiFailsAtTheVersionWithoutSendingTheSecret() {
        ConnectionSettings portal = SandboxTestSupport.settings(sandbox).toBuilder()
                .apiUrl(sandbox.apiUrl() + "/portal").build();
        // The code a deploy reports for the same URL (its Workload routes are missing too): API_ROUTE_NOT_FOUND.
        assertThat(assertFails(() -> check(portal, SandboxTestSupport.credentials(sandbox.defaultClient()), null),
                OpenChoreoException.class, ErrorCode.API_ROUTE_NOT_FOUND)).hasMessageContaining("404")
                .hasMessageContaining("has no /version route");
        assertThat(sandbox.count(Route.TOKEN)).isZero();
    }
}
