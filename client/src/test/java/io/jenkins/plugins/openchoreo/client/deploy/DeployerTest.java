package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deploy, end to end against the sandbox over loopback. */
class DeployerTest {

    private static final Set<Route> WRITES = Set.of(Route.WORKLOAD_CREATE, Route.WORKLOAD_UPDATE,
            Route.WORKFLOWRUN_UPDATE);
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private Sandbox sandbox;

    @TempDir
    Path repo;
    private final RecordingListener listener = new RecordingListener();
    private TokenCache cache;
    private OpenChoreoEngine engine;

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.get(); // started once for the class, reset before each test
        sandbox.addComponent("default", "shop", "greeter");
        cache = new TokenCache(Clock.systemUTC());
        engine = new OpenChoreoEngine(cache);
    }

    private Deployer deployer() {
        ConnectionSettings settings = SandboxTestSupport.settings(sandbox).toBuilder()
                .portalUrl("https://portal.example.com/").build();
        return new Deployer(settings, SandboxTestSupport.credentials(sandbox.defaultClient()), engine,
                new LocalWorkspaceFiles(repo), listener);
    }

    private static DeployRequest.Builder greeter(String image) {
        return DeployRequest.builder("greeter", image).project("shop");
    }

    private DeployResult deploy(DeployRequest.Builder request) {
        return deployer().deploy(request.build());
    }

    private ObjectNode stored(String name) {
        return sandbox.workload("default", name).orElseThrow();
    }

    private List<RecordedRequest> apiRequests() {
        return sandbox.requests().stream().filter(r -> r.route() != Route.TOKEN).toList();
    }

    /** A Workload as a platform engineer left it: endpoints, env, files, dependencies, labels, annotations. */
    private static ObjectNode richWorkload(String image) {
        return Workload.minimal("greeter-workload", "shop", "greeter", image).edit(doc -> {
            ObjectNode metadata = (ObjectNode) doc.path("metadata");
            metadata.putObject("labels").put("team", "payments");
            metadata.putObject("annotations").put("owner", "alice@example.com");
            ObjectNode container = Workload.container(doc);
            container.putArray("env").addObject().put("key", "LOG_LEVEL").put("value", "debug");
            container.putArray("files").addObject().put("key", "app.json").put("mountPath", "/etc/cfg")
                    .put("value", "{}");
            ObjectNode spec = (ObjectNode) doc.path("spec");
            spec.putObject("endpoints").putObject("api").put("type", "HTTP").put("port", 9090)
                    .putArray("visibility").add("external");
            spec.putObject("dependencies").putArray("resources").addObject().put("ref", "cache")
                    .putObject("envBindings").put("url", "CACHE_URL");
        }).toJson();
    }

    @Test
    void firstDeployCreatesTheConventionalWorkload() {
        DeployResult result = deploy(greeter("registry.example/greeter:1"));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.target().workloadName()).isEqualTo("greeter-workload");
        assertThat(result.change().previousImage()).isNull();
        assertThat(result.target().portalUrl())
                .isEqualTo("https://portal.example.com/catalog/default/component/greeter");
        assertThat(result.traffic().apiRequests()).isEqualTo(2);
        assertThat(result.traffic().identityProviderRequests()).isEqualTo(1);
        assertThat(result.traffic().requestIds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(stored("greeter-workload").path("spec").path("owner").path("projectName").asText())
                .isEqualTo("shop");
        assertThat(result.summary()).startsWith("Created Workload default/greeter-workload");
    }

    @Test
    void imageOnlyUpdateKeepsEverythingThePlatformSet() {
        sandbox.putWorkload("default", richWorkload("registry.example/greeter:1"));
        ObjectNode before = stored("greeter-workload");
        DeployResult result = deploy(greeter("registry.example/greeter:2"));

        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(result.change().mode()).isEqualTo("image-only");
        assertThat(result.change().previousImage()).isEqualTo("registry.example/greeter:1");
        assertThat(result.change().changes())
                .containsExactly("image: registry.example/greeter:1 → registry.example/greeter:2");
        ObjectNode after = stored("greeter-workload");
        ((ObjectNode) before.path("spec").path("container")).put("image", "registry.example/greeter:2");
        assertThat(after.path("spec")).isEqualTo(before.path("spec"));
        assertThat(after.path("metadata").path("labels")).isEqualTo(before.path("metadata").path("labels"));
        assertThat(after.path("metadata").path("annotations")).isEqualTo(before.path("metadata").path("annotations"));
    }

    @Test
    void steadyStateImageUpdateIsTwoRequestsAndUnchangedIsOne() {
        deploy(greeter("registry.example/greeter:1"));
        sandbox.clearRequests();
        DeployResult update = deploy(greeter("registry.example/greeter:2"));
        assertThat(update.traffic().apiRequests()).isEqualTo(2);
        assertThat(update.traffic().identityProviderRequests()).isZero();
        assertThat(apiRequests()).extracting(RecordedRequest::route)
                .containsExactly(Route.WORKLOAD_LIST, Route.WORKLOAD_UPDATE);

        sandbox.clearRequests();
        DeployResult same = deploy(greeter("registry.example/greeter:2"));
        assertThat(same.change().outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(same.traffic().apiRequests()).isEqualTo(1);
        assertThat(sandbox.requests()).extracting(RecordedRequest::route).containsExactly(Route.WORKLOAD_LIST);
        assertThat(same.summary()).startsWith("Unchanged");
        assertThat(same.change().changes()).isEmpty();
    }

    @Test
    void argumentsChangeOnlyWhatTheyName() {
        sandbox.putWorkload("default", richWorkload("registry.example/greeter:1"));
        DeployResult result = deploy(greeter("registry.example/greeter:2")
                .env(List.of("LOG_LEVEL=info", "FEATURE_X=on"))
                .labels(Map.of("release", "r42")).annotations(Map.of("ci.example/build", "42")));
        ObjectNode after = stored("greeter-workload");
        JsonNode env = after.path("spec").path("container").path("env");
        assertThat(env).hasSize(2);
        assertThat(env.get(0).path("value").asText()).isEqualTo("info");
        assertThat(after.path("spec").path("endpoints").has("api")).isTrue();
        assertThat(after.path("metadata").path("labels").path("team").asText()).isEqualTo("payments");
        assertThat(after.path("metadata").path("labels").path("release").asText()).isEqualTo("r42");
        assertThat(after.path("metadata").path("annotations").path("owner").asText()).isEqualTo("alice@example.com");
        assertThat(result.change().changes())
                .anySatisfy(c -> assertThat(c).startsWith("env: + FEATURE_X, ~ LOG_LEVEL"));
    }

    @Test
    void theSameDescriptorTwiceWritesOnceDespiteTheServersDefaults() throws IOException {
        // No targetPort (the CRD defaults it to port) and no dependency project (the consumer's):
        // the Workload read back differs from the one sent only by what the server filled in.
        Files.writeString(repo.resolve("workload.yaml"), """
                endpoints:
                  - {name: api, port: 8080, type: HTTP, visibility: [external]}
                dependencies:
                  endpoints:
                    - {component: pg, name: sql, visibility: project, envBindings: {host: DB_HOST}}
                """);
        assertThat(deploy(greeter("registry.example/greeter:1").descriptor("workload.yaml")).change().outcome())
                .isEqualTo(DeployOutcome.CREATED);
        assertThat(stored("greeter-workload").at("/spec/endpoints/api/targetPort").asInt()).isEqualTo(8080);
        sandbox.clearRequests();
        DeployResult again = deploy(greeter("registry.example/greeter:1").descriptor("workload.yaml"));
        assertThat(again.change().outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(again.change().changes()).isEmpty();
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isZero();
    }

    @Test
    void replaceFromADescriptorKeepsOnlyTheServersOwnLabels() throws IOException {
        sandbox.putWorkload("default", richWorkload("registry.example/greeter:1"));
        Files.createDirectories(repo.resolve("app/docs"));
        Files.writeString(repo.resolve("app/docs/openapi.yaml"), "openapi: 3.0.0\n");
        Files.writeString(repo.resolve("app/workload.yaml"), """
                apiVersion: openchoreo.dev/v1alpha1
                metadata:
                  name: greeter
                endpoints:
                  - name: rest
                    port: 8080
                    type: HTTP
                    visibility: [external]
                    schemaFile: docs/openapi.yaml
                configurations:
                  env:
                    - name: MODE
                      value: prod
                """);
        DeployResult result = deploy(greeter("registry.example/greeter:2").descriptor("app/workload.yaml"));
        assertThat(result.change().mode()).isEqualTo("replace");
        ObjectNode after = stored("greeter-workload");
        assertThat(after.path("spec").path("endpoints").has("api")).isFalse();
        assertThat(after.path("spec").path("endpoints").path("rest").path("schema").path("content").asText())
                .contains("openapi: 3.0.0");
        assertThat(after.path("spec").path("container").path("env")).hasSize(1);
        assertThat(after.path("metadata").path("labels").path("team").isMissingNode()).isTrue();
        assertThat(after.path("metadata").path("labels").path("openchoreo.dev/component").asText())
                .isEqualTo("greeter");
        assertThat(result.change().changes()).anySatisfy(c -> assertThat(c).contains("endpoints: + rest, - api"));
    }

    @Test
    void imageOnlyModeWithADescriptorStillKeepsTheRest() throws IOException {
        sandbox.putWorkload("default", richWorkload("registry.example/greeter:1"));
        Files.writeString(repo.resolve("workload.yaml"), "endpoints:\n  - {name: api, port: 9090, type: HTTP}\n");
        DeployResult result = deploy(greeter("registry.example/greeter:3").descriptor("workload.yaml")
                .mode(DeployMode.IMAGE_ONLY));
        assertThat(result.change().mode()).isEqualTo("image-only");
        // Only what the descriptor names changes (its endpoint api, whole); everything else stays.
        ObjectNode expected = richWorkload("registry.example/greeter:3");
        ((ObjectNode) expected.path("spec").path("endpoints")).putObject("api").put("port", 9090).put("type", "HTTP")
                .put("targetPort", 9090);
        ObjectNode after = stored("greeter-workload");
        assertThat(after.path("spec")).isEqualTo(expected.path("spec"));
        assertThat(after.path("metadata").path("labels").path("team").asText()).isEqualTo("payments");
        assertThat(after.path("metadata").path("annotations")).isEqualTo(expected.path("metadata").path("annotations"));
    }

    @Test
    void concurrentFirstDeploysEndWithOneWorkloadAndBothGreen() throws Exception {
        // A sandbox of its own, so no request of another test can reach the gate. (The flake this test
        // once had came from the sandbox: it answered a gated list after the gate opened, and one list
        // read the store after the other deploy's create; gated requests now hold their answers made.)
        try (Sandbox own = Sandbox.start()) {
            sandbox = own;
            own.addComponent("default", "shop", "greeter");
            // Both lists are held until both have arrived: both find nothing, both create, one gets 409.
            sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).together(2).times(2));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<DeployResult>> results = new ArrayList<>();
            try {
                for (String image : List.of("registry.example/greeter:a", "registry.example/greeter:b")) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return deployer().deploy(greeter(image).build());
                    }));
                }
                go.countDown();
                List<DeployOutcome> outcomes = new ArrayList<>();
                for (Future<DeployResult> result : results) {
                    outcomes.add(result.get().change().outcome());
                }
                assertThat(outcomes).containsExactlyInAnyOrder(DeployOutcome.CREATED, DeployOutcome.UPDATED);
            } finally {
                pool.shutdownNow();
            }
            assertThat(sandbox.workloads("default")).hasSize(1);
            assertThat(sandbox.count(Route.WORKLOAD_CREATE)).isEqualTo(2);
            assertThat(listener.all()).contains("created meanwhile (HTTP 409)");
        }
    }

    @Test
    void aLostPutRaceIsReadAgainAndReapplied() {
        sandbox.putWorkload("default", richWorkload("registry.example/greeter:1"));
        sandbox.faults().add(Fault.on(Route.WORKLOAD_UPDATE).status(500));
        DeployResult result = deploy(greeter("registry.example/greeter:2"));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isEqualTo(2);
        assertThat(sandbox.count(Route.WORKLOAD_GET)).isEqualTo(1);
        assertThat(listener.all()).contains("lost a race");
        assertThat(stored("greeter-workload").path("spec").path("endpoints").has("api")).isTrue();
    }

    @Test
    void severalWorkloadsForOneComponentAreAnErrorUnlessOneIsNamed() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").toJson());
        sandbox.putWorkload("default", Workload.minimal("greeter", "shop", "greeter", "r/g:1").toJson());
        assertThatThrownBy(() -> deploy(greeter("r/g:2")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MULTIPLE_WORKLOADS);
                    assertThat(e.getMessage()).contains("greeter-workload").contains("greeter,")
                            .contains("2 Workloads");
                    assertThat(e.hint()).contains("workload name");
                });
        assertThat(sandbox.requests()).noneMatch(r -> WRITES.contains(r.route()));

        DeployResult named = deploy(greeter("r/g:2").workloadName("greeter"));
        assertThat(named.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
        assertThat(named.target().workloadName()).isEqualTo("greeter");
    }

    @Test
    void aNewNameBesideAnExistingWorkloadIsRefused() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").toJson());
        assertThatThrownBy(() -> deploy(greeter("r/g:2").workloadName("greeter-v2")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("two Workloads"));
        assertThat(sandbox.requests()).noneMatch(r -> WRITES.contains(r.route()));
    }

    @Test
    void anOwnerMismatchIsRefusedBeforeAnyWrite() {
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "billing", "greeter", "r/g:1").toJson());
        assertThatThrownBy(() -> deploy(greeter("r/g:2")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OWNER_MISMATCH);
                    assertThat(e.getMessage()).contains("billing").contains("nothing was written");
                });
        assertThat(sandbox.requests()).noneMatch(r -> WRITES.contains(r.route()));
        assertThat(stored("greeter-workload").path("spec").path("container").path("image").asText()).isEqualTo("r/g:1");
    }

    @Test
    void aNamedWorkloadOfAnotherComponentIsRefusedAfterTheConflict() {
        sandbox.addComponent("default", "shop", "other");
        sandbox.putWorkload("default", Workload.minimal("shared-name", "shop", "other", "r/o:1").toJson());
        assertThatThrownBy(() -> deploy(greeter("r/g:2").workloadName("shared-name")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OWNER_MISMATCH));
        assertThat(sandbox.count(Route.WORKLOAD_UPDATE)).isZero();
    }

    @Test
    void theWorkflowRunIsAnnotatedWithEverythingElseKept() {
        ObjectNode run = Json.object();
        run.putObject("metadata").put("name", "greeter-build-7").putObject("annotations").put("keep", "this");
        ((ObjectNode) run.path("metadata")).putObject("labels").put("openchoreo.dev/component", "greeter");
        run.putObject("spec").put("workflow", "docker-build");
        sandbox.putWorkflowRun("default", run);
        DeployResult result = deploy(greeter("registry.example/greeter:7").workflowRun("greeter-build-7"));
        assertThat(result.change().workflowRunAnnotated()).isTrue();
        ObjectNode stored = sandbox.workflowRun("default", "greeter-build-7").orElseThrow();
        JsonNode annotations = stored.path("metadata").path("annotations");
        assertThat(annotations.path("keep").asText()).isEqualTo("this");
        assertThat(annotations.path("openchoreo.dev/workload-from-source").asText()).isEqualTo("false");
        assertThat(annotations.path("openchoreo.dev/workload").asText()).isEqualTo(result.change().workloadJson());
        assertThat(stored.path("spec").path("workflow").asText()).isEqualTo("docker-build");
        assertThat(stored.path("metadata").path("labels").path("openchoreo.dev/component").asText())
                .isEqualTo("greeter");
    }

    @Test
    void aMissingWorkflowRunIsAWarningUnlessAskedToFail() {
        DeployResult result = deploy(greeter("r/g:1").workflowRun("no-such-run"));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.change().workflowRunAnnotated()).isFalse();
        assertThat(result.warnings()).singleElement().asString().contains("no-such-run").contains("was deployed");

        assertThatThrownBy(() -> deploy(greeter("r/g:2").workflowRun("no-such-run").failOnWorkflowRunError(true)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatItWouldDo() {
        DeployResult create = deploy(greeter("r/g:1").dryRun(true));
        assertThat(create.change().dryRun()).isTrue();
        assertThat(create.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(create.summary()).startsWith("Would create");
        assertThat(create.change().workloadJson()).contains("\"image\":\"r/g:1\"");
        assertThat(sandbox.workloads("default")).isEmpty();

        sandbox.putWorkload("default", richWorkload("r/g:1"));
        ObjectNode run = Json.object();
        run.putObject("metadata").put("name", "run-1");
        sandbox.putWorkflowRun("default", run);
        sandbox.clearRequests();
        DeployResult update = deploy(greeter("r/g:2").dryRun(true).workflowRun("run-1"));
        assertThat(update.summary()).startsWith("Would update");
        assertThat(update.change().changes()).containsExactly("image: r/g:1 → r/g:2");
        assertThat(sandbox.requests()).noneMatch(r -> WRITES.contains(r.route()));
        assertThat(stored("greeter-workload").path("spec").path("container").path("image").asText()).isEqualTo("r/g:1");
    }

    /** A dry run reads the component where the client may, since no POST tells it is missing (issue 18, point 9). */
    @Test
    void aDryRunCreateChecksTheComponentWhereTheClientMay() {
        SandboxClient watcher = sandbox.registerClient("watcher", "watcher-secret", AuthMethod.POST,
                Role.ROLLOUT_WATCHER);
        Deployer mayRead = new Deployer(SandboxTestSupport.settings(sandbox),
                SandboxTestSupport.credentials(watcher), engine, new LocalWorkspaceFiles(repo), listener);

        assertThatThrownBy(() -> mayRead.deploy(DeployRequest.builder("greeterr", "r/g:1").project("shop")
                .dryRun(true).build())).isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COMPONENT_NOT_FOUND);
                    assertThat(e.category().exitCode()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("Component greeterr does not exist in namespace default")
                            .contains("nothing was written");
                });
        assertThatThrownBy(() -> mayRead.deploy(DeployRequest.builder("greeter", "r/g:1").project("other")
                .dryRun(true).build())).isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.getMessage()).contains("belongs to project shop, not to project other"));
        DeployResult exists = mayRead.deploy(greeter("r/g:1").dryRun(true).build());
        assertThat(exists.summary()).startsWith("Would create");
        assertThat(exists.warnings()).isEmpty();

        // OpenChoreo's CI role may not read components: said plainly, and the dry run still plans.
        DeployResult forbidden = deploy(greeter("r/g:1").dryRun(true));
        assertThat(forbidden.summary()).startsWith("Would create");
        assertThat(forbidden.warnings()).singleElement().asString()
                .startsWith("Could not check that component greeter exists").contains("component:view");
        // The server answers a read of a missing object 404 before it checks the permission (contract
        // branch's reading of OpenChoreo's handlers), so even the CI role learns the typo.
        assertThatThrownBy(() -> deploy(DeployRequest.builder("greeterr", "r/g:1").project("shop").dryRun(true)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COMPONENT_NOT_FOUND));
        assertThat(sandbox.requests()).noneMatch(r -> WRITES.contains(r.route()));
    }

    /** Each kind of problem gets the hint for its kind, not the naming rule for all (issue 18, point 7). */
    @Test
    void aProblemsHintFitsTheProblem() throws IOException {
        assertThat(hintOf(greeter("registry.example.com/Greeter:1"))).isEqualTo(RequestCheck.IMAGE_HINT);
        assertThat(hintOf(greeter("r/g:1").endpoints("[{name: api, type: HTTP, port: 80, visibility: [public]}]")))
                .contains("visibility is a list of project, namespace, internal and external").doesNotContain("DNS");
        assertThat(hintOf(DeployRequest.builder("My_App", "r/g:1"))).contains("DNS-1123");
        assertThat(hintOf(greeter("r/g:1").descriptor("missing.yaml"))).contains("relative to the repository root")
                .doesNotContain("fields listed above");
        // Two kinds at once: both hints, each once.
        assertThat(hintOf(DeployRequest.builder("My_App", "R/G:1").namespace("Bad"))).contains("DNS-1123")
                .contains("the path in lowercase").satisfies(h -> assertThat(h.split("DNS-1123", -1)).hasSize(2));
    }

    private String hintOf(DeployRequest.Builder request) {
        InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequestException.class,
                () -> deploy(request));
        assertThat(e).as("refused").isNotNull();
        return e.hint();
    }

    /** An image that the next build can push again under the same reference (issue 18, point 10). */
    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com/greeter", "registry.example.com/greeter:latest",
        "registry.example.com:5000/greeter"})
    void anImageWithoutATagOrWithLatestIsDeployedWithAWarning(String image) {
        DeployResult result = deploy(greeter(image));
        assertThat(result.change().outcome()).isEqualTo(DeployOutcome.CREATED);
        assertThat(result.warnings()).singleElement().asString().startsWith("The image " + image)
                .contains("leaves the Workload unchanged").contains("Tag each build");
        assertThat(listener.warnings).anyMatch(line -> line.startsWith("The image " + image));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com/greeter:1.2.3", "registry.example.com:5000/greeter:abc123",
        "registry.example.com/greeter@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "registry.example.com/greeter:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void anImmutableReferenceIsDeployedWithoutAWarning(String image) {
        assertThat(deploy(greeter(image)).warnings()).isEmpty();
    }

    /** The summary of a create names every kind of change it brings (issue 18, point 11). */
    @Test
    void theSummaryOfACreateNamesEveryKindOfChange() {
        DeployResult result = deploy(greeter("r/g:1").env(List.of("LOG_LEVEL=debug"))
                .files("[{name: app.json, mountPath: /etc/cfg, value: '{}'}]")
                .dependencies("{resources: [{ref: cache, envBindings: {url: CACHE_URL}}]}")
                .labels(Map.of("team", "payments")).annotations(Map.of("example.com/commit", "abc"))
                .endpoints("[{name: api, type: HTTP, port: 8080}]"));
        assertThat(result.summary()).isEqualTo("Created Workload default/greeter-workload of component greeter: "
                + "image: r/g:1; endpoints: + api; env: + LOG_LEVEL; files: + app.json; dependency resources: + cache; "
                + "labels: + team; annotations: + example.com/commit");
    }

    @Test
    void badInputIsReportedAllAtOnceBeforeAnyRequest() {
        assertThatThrownBy(() -> deploy(DeployRequest.builder("My_App", " ").namespace("Bad NS")
                .labels(Map.of("bad key!", "v", "ok", "not ok!"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.fieldErrors()).extracting(f -> f.field())
                            .contains("namespace", "component", "image", "labels", "labels.ok");
                    assertThat(e.getMessage()).contains("problems");
                });
        assertThat(sandbox.requests()).isEmpty();
    }

    private void expectInvalid(DeployRequest.Builder request, ErrorCode code, String... fields) {
        assertThatThrownBy(() -> deploy(request)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly(fields);
        });
        assertThat(sandbox.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example/greeter :1", "registry.example/greeter\u0007:1", "r/g:1\u00a0x"})
    void anImageWithWhitespaceOrControlCharactersIsRefused(String image) {
        assertThatThrownBy(() -> deploy(greeter(image))).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).startsWith("The deploy has a problem:").contains("contains whitespace");
        });
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aMissingImageIsRefused() {
        expectInvalid(DeployRequest.builder("greeter", null).project("shop"), ErrorCode.INVALID_ARGUMENT, "image");
    }

    @Test
    void annotationValuesAreFreeTextButMustBeGiven() {
        Map<String, String> annotations = new java.util.HashMap<>();
        annotations.put("note", "built by Jenkins: job #42 (main)");
        annotations.put("empty", null);
        expectInvalid(greeter("r/g:1").annotations(annotations), ErrorCode.INVALID_ARGUMENT, "annotations.empty");
        annotations.remove("empty");
        deploy(greeter("r/g:1").annotations(annotations));
        assertThat(stored("greeter-workload").path("metadata").path("annotations").path("note").asText())
                .isEqualTo("built by Jenkins: job #42 (main)");
    }

    @Test
    void onlyDescriptorProblemsAreReportedAsADescriptorError() throws IOException {
        Files.writeString(repo.resolve("workload.yaml"), "endpoints:\n  - {name: api, port: 0, type: HTTP}\n");
        assertThatThrownBy(() -> deploy(greeter("r/g:1").descriptor("workload.yaml")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DESCRIPTOR);
                    assertThat(e.fieldErrors()).singleElement()
                            .satisfies(f -> assertThat(f.where()).isEqualTo("workload.yaml"));
                });
        expectInvalid(greeter(" ").descriptor("missing.yaml"), ErrorCode.INVALID_ARGUMENT, "image", "file");
    }

    @Test
    void argumentProblemsBesideAGoodDescriptorAreArgumentErrors() throws IOException {
        Files.writeString(repo.resolve("workload.yaml"), "endpoints:\n  - {name: api, port: 9090, type: HTTP}\n");
        assertThatThrownBy(() -> deploy(greeter("r/g:1").descriptor("workload.yaml")
                .endpoints("- {name: web, port: 70000, type: HTTP}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.hint()).doesNotContain("workload.yaml");
                    assertThat(e.fieldErrors()).singleElement()
                            .satisfies(f -> assertThat(f.where()).isEqualTo("endpoints"));
                });
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void anExistingWorkloadTheServerWouldRejectIsReportedBeforeThePut() {
        ObjectNode broken = Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1").edit(doc -> Workload
                .object(Workload.object(doc, "spec"), "endpoints").putObject("api").put("type", "HTTP")
                .put("port", 99999)).toJson();
        sandbox.putWorkload("default", broken);
        assertThatThrownBy(() -> deploy(greeter("r/g:2"))).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("Workload greeter-workload").contains("port");
        });
        assertThat(sandbox.requests()).noneMatch(r -> WRITES.contains(r.route()));
    }

    @Test
    void anUnknownComponentSaysToCreateItFirst() {
        assertThatThrownBy(() -> deploy(DeployRequest.builder("ghost", "r/g:1").project("shop")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COMPONENT_NOT_FOUND));
    }

    @Test
    void resultsAreSerialisableAndRenderAsPlainValuesAndJson() throws Exception {
        DeployResult result = deploy(greeter("r/g:1"));
        Map<String, Object> map = result.toMap();
        assertThat(map).containsEntry("outcome", "created").containsEntry("component", "greeter")
                .containsEntry("workloadName", "greeter-workload").containsKey("summary");
        assertThat(map.values()).allSatisfy(v -> assertThat(v == null || v instanceof String || v instanceof Number
                || v instanceof Boolean || v instanceof List).isTrue());
        JsonNode json = result.toJson();
        assertThat(json.path("workload").path("spec").path("container").path("image").asText()).isEqualTo("r/g:1");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(result);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(result);
        }
    }

    @Test
    void noSecretReachesTheLogTheResultOrAnError() {
        String secret = sandbox.defaultClient().secret();
        DeployResult result = deploy(greeter("r/g:1"));
        sandbox.faults().add(Fault.on(Route.WORKLOAD_LIST).status(403));
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deploy(greeter("r/g:2")));
        assertThat(listener.all() + result + result.toJson() + error.getMessage()
                + ((io.jenkins.plugins.openchoreo.client.error.OpenChoreoException) error).describe())
                .doesNotContain(secret).doesNotContain("eyJ");
    }
}
