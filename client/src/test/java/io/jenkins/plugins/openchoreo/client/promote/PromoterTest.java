package io.jenkins.plugins.openchoreo.client.promote;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Promotion, end to end against the sandbox over loopback. */
class PromoterTest {

    static final Set<Route> WRITES = Set.of(Route.RELEASEBINDING_CREATE, Route.RELEASEBINDING_UPDATE,
            Route.WORKLOAD_CREATE, Route.WORKLOAD_UPDATE);
    static final String PROMOTER = "release-promoter";
    static final String PROMOTER_SECRET = "promote+me";

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void reset() {
        sandbox.addComponent("default", "shop", "greeter");
        sandbox.addComponent("default", "shop", "other");
        sandbox.registerClient(PROMOTER, PROMOTER_SECRET, AuthMethod.POST, Role.RELEASE_PROMOTER);
        sandbox.registerClient("reader", "read", AuthMethod.POST, Role.RELEASE_READER);
    }

    /** A Workload of greeter with this image, settled: its release is bound and Ready in development. */
    static ObjectNode workload(String component, String image) {
        ObjectNode workload = Json.object();
        workload.putObject("metadata").put("name", component + "-workload");
        ObjectNode spec = workload.putObject("spec");
        spec.putObject("owner").put("projectName", "shop").put("componentName", component);
        spec.putObject("container").put("image", image);
        spec.putObject("endpoints").putObject("api").put("type", "HTTP").put("port", 8080).putArray("visibility")
                .add("external");
        return workload;
    }

    private String deployedInDevelopment(String image) {
        sandbox.putWorkload("default", workload("greeter", image));
        return sandbox.releaseBinding("default", "greeter-development").orElseThrow().path("spec")
                .path("releaseName").asText();
    }

    private PromoteResult promote(String clientId, String secret, PromoteRequest.Builder request) {
        return new Promoter(SandboxTestSupport.settings(sandbox).toBuilder().portalUrl("https://portal.example.com")
                .build(), Credentials.client(clientId, secret), new OpenChoreoEngine(), listener)
                .promote(request.build());
    }

    private PromoteResult promote(PromoteRequest.Builder request) {
        return promote(PROMOTER, PROMOTER_SECRET, request);
    }

    private static PromoteRequest.Builder greeter(String from, String to) {
        return PromoteRequest.builder("greeter", from, to).project("shop");
    }

    /** A ReleaseBinding greeter-staging of project shop's {@code component}, bound to {@code release}. */
    private void putStagingBinding(String component, String release, String state) throws Exception {
        ObjectNode binding = (ObjectNode) Json.MAPPER.readTree("""
                {"metadata": {"name": "greeter-staging"},
                 "spec": {"owner": {"projectName": "shop", "componentName": "%s"}, "environment": "staging",
                          "releaseName": "%s"}}""".formatted(component, release));
        if (state != null) {
            ((ObjectNode) binding.path("spec")).put("state", state);
        }
        sandbox.putReleaseBinding("default", binding);
    }

    private long writes() {
        return sandbox.requests().stream().filter(r -> WRITES.contains(r.route())).count();
    }

    private RecordedRequest only(Route route) {
        List<RecordedRequest> found = sandbox.requests().stream().filter(r -> r.route() == route).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void promotesDevelopmentToStagingByCreatingTheBinding() throws Exception {
        String release = deployedInDevelopment("registry.example.com/greeter:1");

        PromoteResult result = promote(greeter("development", "staging"));

        assertThat(result.outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.release()).isEqualTo(release).startsWith("greeter-");
        assertThat(result.previousRelease()).isNull();
        assertThat(result.bindingName()).isEqualTo("greeter-staging");
        assertThat(result.summary()).isEqualTo("Promoted release " + release + " of component greeter from "
                + "development to staging: Created ReleaseBinding default/greeter-staging");
        JsonNode sent = Json.MAPPER.readTree(only(Route.RELEASEBINDING_CREATE).body());
        assertThat(sent).isEqualTo(Json.MAPPER.readTree("{\"metadata\":{\"name\":\"greeter-staging\",\"namespace\":"
                + "\"default\"},\"spec\":{\"owner\":{\"projectName\":\"shop\",\"componentName\":\"greeter\"},"
                + "\"environment\":\"staging\",\"releaseName\":\"" + release + "\"}}"));
        JsonNode stored = sandbox.releaseBinding("default", "greeter-staging").orElseThrow();
        assertThat(stored.path("spec").path("releaseName").asText()).isEqualTo(release);
        assertThat(stored.path("spec").path("environment").asText()).isEqualTo("staging");
        // The sequence OpenChoreo's CLI uses: project, pipeline, source bindings, target binding, then the write.
        assertThat(sandbox.requests().stream().map(RecordedRequest::route).filter(r -> r != Route.TOKEN).toList())
                .containsExactly(Route.PROJECT_GET, Route.DEPLOYMENTPIPELINE_GET, Route.RELEASEBINDING_LIST,
                        Route.RELEASEBINDING_GET, Route.RELEASEBINDING_CREATE);
        assertThat(listener.all()).contains("DeploymentPipeline default allows development → staging",
                "Release " + release + " is bound in development (ReleaseBinding greeter-development)");
        assertThat(result.toMap()).containsEntry("environment", "staging").containsEntry("from", "development")
                .containsEntry("outcome", "created").containsEntry("release", release)
                .containsEntry("portalUrl", "https://portal.example.com/catalog/default/component/greeter")
                .containsEntry("ready", false);
        assertThat(result.toJson().path("releaseBinding")).isEqualTo(sent);
    }

    @Test
    void promotingTheReleaseTheTargetRunsWritesNothing() {
        deployedInDevelopment("registry.example.com/greeter:1");
        promote(greeter("development", "staging"));
        sandbox.clearRequests();

        PromoteResult again = promote(greeter("development", "staging"));

        assertThat(again.outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(writes()).isZero();
        assertThat(again.previousRelease()).isEqualTo(again.release());
        assertThat(again.summary()).startsWith("Not promoting release ").endsWith("already runs it");
        assertThat(again.toJson().path("releaseBinding").has("status")).as("read-only parts left out").isFalse();
    }

    @Test
    void aNewerReleaseUpdatesTheBindingAndKeepsEveryOtherField() throws Exception {
        String first = deployedInDevelopment("registry.example.com/greeter:1");
        ObjectNode staging = (ObjectNode) Json.MAPPER.readTree("""
                {"metadata": {"name": "greeter-staging", "labels": {"team": "shop"}, "annotations": {"note": "keep"}},
                 "spec": {"owner": {"projectName": "shop", "componentName": "greeter"}, "environment": "staging",
                          "releaseName": "%s",
                          "componentTypeEnvironmentConfigs": {"replicas": 3},
                          "traitEnvironmentConfigs": {"autoscaler": {"max": 5}},
                          "workloadOverrides": {"container": {"env": [{"key": "LOG_LEVEL", "value": "warn"}]}}}}
                """.formatted(first));
        sandbox.putReleaseBinding("default", staging);
        String second = deployedInDevelopment("registry.example.com/greeter:2");
        assertThat(second).isNotEqualTo(first);

        PromoteResult result = promote(greeter("development", "staging"));

        assertThat(result.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.previousRelease()).isEqualTo(first);
        assertThat(result.release()).isEqualTo(second);
        JsonNode sent = Json.MAPPER.readTree(only(Route.RELEASEBINDING_UPDATE).body());
        assertThat(sent.path("spec").path("releaseName").asText()).isEqualTo(second);
        JsonNode stored = sandbox.releaseBinding("default", "greeter-staging").orElseThrow();
        for (JsonNode binding : List.of(sent, stored)) {
            assertThat(binding.path("spec").path("componentTypeEnvironmentConfigs").path("replicas").asInt())
                    .isEqualTo(3);
            assertThat(binding.path("spec").path("traitEnvironmentConfigs").path("autoscaler").path("max").asInt())
                    .isEqualTo(5);
            assertThat(binding.path("spec").path("workloadOverrides").path("container").path("env").path(0)
                    .path("value").asText()).isEqualTo("warn");
            assertThat(binding.path("metadata").path("labels").path("team").asText()).isEqualTo("shop");
            assertThat(binding.path("metadata").path("annotations").path("note").asText()).isEqualTo("keep");
        }
        assertThat(stored.path("spec").path("releaseName").asText()).isEqualTo(second);
        assertThat(sent.has("status")).as("status is the server's").isFalse();
        assertThat(listener.all()).contains("Updating ReleaseBinding greeter-staging: release " + first + " → "
                + second);
    }

    private static WaitOptions quickWait() {
        return WaitOptions.defaults().withTimeout(Duration.ofSeconds(30))
                .withIntervals(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    @Test
    void waitsUntilTheReleaseIsReadyInTheTargetAndReportsItsEndpointUrls() {
        sandbox.setRolloutDelay(Duration.ofMillis(600));
        String release = deployedInDevelopment("registry.example.com/greeter:1");

        PromoteResult result = promote(greeter("development", "staging").waitOptions(quickWait()));

        assertThat(result.rollout()).isNotNull();
        assertThat(result.rollout().release()).isEqualTo(release);
        assertThat(result.rollout().environment()).isEqualTo("staging");
        assertThat(result.rollout().endpoints()).extracting(e -> e.url())
                .containsExactly("https://staging-default.openchoreo.localhost:19443/shop/greeter");
        assertThat(result.toMap()).containsEntry("ready", true).containsEntry("endpointUrls",
                List.of("https://staging-default.openchoreo.localhost:19443/shop/greeter"));
        JsonNode status = sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("status");
        assertThat(status.at("/conditions/2/status").asText()).isEqualTo("True");
        assertThat(listener.all()).contains("Waiting for release " + release + " to be Ready in staging");
    }

    @Test
    void aBindingStillReadyFromTheReleaseBeforeIsNotTakenForTheNewOne() throws Exception {
        String first = deployedInDevelopment("registry.example.com/greeter:1");
        putStagingBinding("greeter", first, null);
        sandbox.setRolloutDelay(Duration.ofMillis(900));
        String second = deployedInDevelopment("registry.example.com/greeter:2");
        JsonNode before = sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("status");
        assertThat(before.path("observedGeneration").asLong()).isEqualTo(1);
        assertThat(before.at("/conditions/2/status").asText()).as("Ready before the promotion").isEqualTo("True");

        PromoteResult result = promote(greeter("development", "staging").waitOptions(quickWait()));

        assertThat(result.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.rollout().release()).isEqualTo(second);
        // Right after the PUT the status is the previous release's, Ready=True: the wait must outlast it.
        JsonNode after = sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("status");
        assertThat(after.path("observedGeneration").asLong()).as("returned only once the write was reconciled")
                .isEqualTo(2);
    }

    @Test
    void aPathThePipelineLacksIsRefusedWithTheAllowedTargetsAndNothingWritten() {
        deployedInDevelopment("registry.example.com/greeter:1");
        sandbox.clearRequests();

        assertThatThrownBy(() -> promote(greeter("development", "production")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROMOTION_NOT_ALLOWED);
                    assertThat(e.getMessage()).isEqualTo("DeploymentPipeline default has no promotion path "
                            + "development → production; allowed targets from development: staging; production is "
                            + "promoted to from: staging; nothing was written");
                    assertThat(e.category().exitCode()).isEqualTo(6);
                });
        assertThat(writes()).isZero();
        assertThat(sandbox.releaseBinding("default", "greeter-production")).isEmpty();
    }

    @Test
    void aProjectOrPipelineWithoutThePathSaysSo() {
        sandbox.putDeploymentPipeline("default", "lonely", Map.of("qa", List.of()));
        sandbox.useDeploymentPipeline("default", "shop", "lonely");
        assertThatThrownBy(() -> promote(greeter("qa", "staging"))).hasMessage("DeploymentPipeline lonely has no "
                + "promotion path qa → staging; qa promotes to no environment; no environment promotes to staging; "
                + "nothing was written");
        sandbox.putDeploymentPipeline("default", "empty", Map.of());
        sandbox.useDeploymentPipeline("default", "shop", "empty");
        assertThatThrownBy(() -> promote(greeter("qa", "staging")))
                .hasMessage("DeploymentPipeline empty has no promotion paths; nothing was written");
        sandbox.useDeploymentPipeline("default", "shop", null);
        assertThatThrownBy(() -> promote(greeter("development", "staging")))
                .isInstanceOfSatisfying(OpenChoreoException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.PROMOTION_NOT_ALLOWED))
                .hasMessageContaining("Project shop has no deployment pipeline");
        assertThat(writes()).isZero();
    }

    @Test
    void theCiRoleMayNotPromoteAndTheHintNamesThePermissionsAndTheRole() {
        deployedInDevelopment("registry.example.com/greeter:1");
        sandbox.clearRequests();

        assertThatThrownBy(() -> promote(sandbox.defaultClient().clientId(), sandbox.defaultClient().secret(),
                greeter("development", "staging"))).isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROMOTION_FORBIDDEN);
                    assertThat(e.getMessage()).startsWith("The client may not promote: reading project shop needs "
                            + "project:view (GET ").contains("answered HTTP 403");
                    assertThat(e.hint()).contains("releasebinding:create", "releasebinding:update",
                            "workload-publisher", "release-promoter", "another credential");
                    assertThat(e.requestId()).isNotNull();
                    assertThat(e.category().exitCode()).isEqualTo(4);
                });
        assertThat(writes()).isZero();
    }

    @Test
    void aClientThatMayOnlyViewIsRefusedAtTheWriteWithThePermissionNamed() {
        deployedInDevelopment("registry.example.com/greeter:1");
        assertThatThrownBy(() -> promote("reader", "read", greeter("development", "staging")))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROMOTION_FORBIDDEN);
                    assertThat(e.getMessage()).startsWith("The client may not promote: creating ReleaseBinding "
                            + "greeter-staging in staging needs releasebinding:create (POST ");
                });
        assertThat(sandbox.releaseBinding("default", "greeter-staging")).isEmpty();

        // An existing binding: the update is what is refused.
        promote(greeter("development", "staging"));
        deployedInDevelopment("registry.example.com/greeter:2");
        assertThatThrownBy(() -> promote("reader", "read", greeter("development", "staging")))
                .hasMessageStartingWith("The client may not promote: updating ReleaseBinding greeter-staging in "
                        + "staging needs releasebinding:update (PUT ");
    }

    @Test
    void aDryRunReportsTheBindingItWouldWriteAndWritesNothing() throws Exception {
        String first = deployedInDevelopment("registry.example.com/greeter:1");
        PromoteResult create = promote(greeter("development", "staging").dryRun(true));
        assertThat(create.outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(create.dryRun()).isTrue();
        assertThat(create.summary()).startsWith("Would promote release " + first)
                .endsWith("Would create ReleaseBinding default/greeter-staging");
        assertThat(Json.MAPPER.readTree(create.bindingJson()).path("spec").path("releaseName").asText())
                .isEqualTo(first);
        assertThat(writes()).isZero();
        assertThat(sandbox.releaseBinding("default", "greeter-staging")).isEmpty();

        promote(greeter("development", "staging"));
        String second = deployedInDevelopment("registry.example.com/greeter:2");
        sandbox.clearRequests();
        PromoteResult update = promote(greeter("development", "staging").dryRun(true));
        assertThat(update.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(update.summary()).contains("Would update ReleaseBinding default/greeter-staging from " + first);
        assertThat(Json.MAPPER.readTree(update.bindingJson()).path("spec").path("releaseName").asText())
                .isEqualTo(second);
        assertThat(writes()).isZero();
        assertThat(sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("spec")
                .path("releaseName").asText()).isEqualTo(first);
    }

    @Test
    void aNamedReleaseIsPromotedWhenItIsTheComponents() {
        String first = deployedInDevelopment("registry.example.com/greeter:1");
        deployedInDevelopment("registry.example.com/greeter:2");

        PromoteResult result = promote(greeter("development", "staging").release(first));

        assertThat(result.release()).isEqualTo(first);
        assertThat(sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("spec")
                .path("releaseName").asText()).isEqualTo(first);
        assertThat(sandbox.count(Route.COMPONENTRELEASE_GET)).isEqualTo(1);
        assertThat(sandbox.count(Route.RELEASEBINDING_LIST)).as("the source's binding is not read").isZero();
    }

    @Test
    void aNamedReleaseThatIsMissingOrAnotherComponentsIsRefused() {
        sandbox.putWorkload("default", workload("other", "registry.example.com/other:1"));
        String others = sandbox.releaseBinding("default", "other-development").orElseThrow().path("spec")
                .path("releaseName").asText();
        assertThatThrownBy(() -> promote(greeter("development", "staging").release("greeter-0000000000")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RELEASE_NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("ComponentRelease greeter-0000000000 does not exist in "
                            + "namespace default");
                });
        assertThatThrownBy(() -> promote(greeter("development", "staging").release(others)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "ComponentRelease " + others + " belongs to component other, not to greeter; nothing was "
                                + "written"));
        assertThat(writes()).isZero();
    }

    @Test
    void nothingBoundInTheSourceIsReported() {
        deployedInDevelopment("registry.example.com/greeter:1");
        assertThatThrownBy(() -> promote(greeter("staging", "production")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROMOTION_SOURCE_EMPTY);
                    assertThat(e.getMessage()).startsWith("No release of component greeter is bound in environment "
                            + "staging");
                    assertThat(e.hint()).contains("releasebinding:view");
                });
    }

    @Test
    void badArgumentsAreAllReportedBeforeAnyRequest() {
        assertThatThrownBy(() -> promote(PromoteRequest.builder("Greeter", "dev", "dev").namespace("a_b")
                .release("-x")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.fieldErrors()).extracting(f -> f.field())
                            .containsExactly("namespace", "component", "to", "release");
                    assertThat(e.getMessage()).startsWith("The promotion has 4 problems:");
                });
        assertThatThrownBy(() -> promote(PromoteRequest.builder("greeter", null, " ")))
                .hasMessageContaining("the source environment (from) is required")
                .hasMessageContaining("the target environment (to) is required");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void anUndeployedTargetIsSetActiveAsThePortalDoes() throws Exception {
        String release = deployedInDevelopment("registry.example.com/greeter:1");
        putStagingBinding("greeter", release, "Undeploy");

        PromoteResult result = promote(greeter("development", "staging"));

        assertThat(result.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("spec").path("state")
                .asText()).isEqualTo("Active");
    }

    @Test
    void aTargetBindingOfAnotherComponentIsNotTouched() throws Exception {
        deployedInDevelopment("registry.example.com/greeter:1");
        putStagingBinding("other", "other-1", null);
        assertThatThrownBy(() -> promote(greeter("development", "staging")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OWNER_MISMATCH);
                    assertThat(e.getMessage()).contains("belongs to project shop, component other, environment "
                            + "staging");
                });
        assertThat(writes()).isZero();
    }

    @Test
    void aBindingCreatedMeanwhileIsUpdatedInstead() {
        String first = deployedInDevelopment("registry.example.com/greeter:1");
        promote(greeter("development", "staging"));
        String second = deployedInDevelopment("registry.example.com/greeter:2");
        sandbox.clearRequests();
        // The first read misses the binding (another build creates it between the read and the POST).
        sandbox.faults().add(Fault.on(Route.RELEASEBINDING_GET).status(404));

        PromoteResult result = promote(greeter("development", "staging"));

        assertThat(result.outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.previousRelease()).isEqualTo(first);
        assertThat(sandbox.count(Route.RELEASEBINDING_CREATE)).isEqualTo(1);
        assertThat(sandbox.count(Route.RELEASEBINDING_UPDATE)).isEqualTo(1);
        assertThat(sandbox.releaseBinding("default", "greeter-staging").orElseThrow().path("spec")
                .path("releaseName").asText()).isEqualTo(second);
        assertThat(listener.all()).contains("was created meanwhile (HTTP 409); updating it instead");
    }
}
