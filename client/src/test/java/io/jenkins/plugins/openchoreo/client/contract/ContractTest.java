package io.jenkins.plugins.openchoreo.client.contract;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionCheck;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.client.promote.PromoteRequest;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import io.jenkins.plugins.openchoreo.client.promote.Promoter;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenChoreo's own OpenAPI document ({@code shared/openchoreo-spec/openapi.yaml}, read in place)
 * judges both sides of every exchange the engine has with the sandbox: each request the engine
 * sends (path, query, body) against the operation's request side, and each answer the sandbox
 * gives (status, content type, body) against the schema the document gives that operation and
 * status. The exchanges are real engine calls over loopback, recorded by the sandbox: deploys
 * (create, update, WorkflowRun annotation), a connection check with discovery, rollouts followed
 * to Ready and to failure (diagnostics with log lines), and the error answers the engine meets
 * (400, 401, 403, 404, 409, 422, 500), and promotions (project, pipeline, bindings read, created and
 * replaced, a ComponentRelease, the 403s). A route or status the engine uses that the document lacks
 * is a violation, named.
 *
 * <p>One difference is OpenChoreo's own and is not counted as a violation: the API's token check
 * answers 401 with {@code {"error":"INVALID_TOKEN","message":…}}
 * ({@code internal/server/middleware/auth/jwt/helpers.go} @ad3f503), where the document's
 * {@code Unauthorized} response is an {@code ErrorResponse} ({@code error}, {@code code}). The
 * sandbox answers as the server does; the test prints it as a deviation of the server from its
 * document.
 */
class ContractTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    /** The operations the engine calls; each must be exercised and found in the document. */
    private static final Set<String> ENGINE_OPERATIONS = Set.of("listWorkloads", "getWorkload", "createWorkload",
            "updateWorkload", "getWorkflowRun", "updateWorkflowRun", "getComponent", "listReleaseBindings",
            "getReleaseBinding", "getReleaseBindingK8sResourceTree", "getReleaseBindingK8sResourceEvents",
            "getReleaseBindingK8sResourceLogs", "getVersion", "getHealth", "getOAuthProtectedResourceMetadata");

    /** The operations a promotion calls (Promoter), each exercised by {@link #promotions()}. */
    private static final Set<String> PROMOTION_OPERATIONS = Set.of("getProject", "getDeploymentPipeline",
            "listReleaseBindings", "getReleaseBinding", "createReleaseBinding", "updateReleaseBinding",
            "getComponentRelease");

    /** The statuses a promotion handles, per operation, each provoked by {@link #promotions()}. */
    private static final Map<String, Set<Integer>> PROMOTION_STATUSES = Map.of(
            "getProject", Set.of(200, 403),
            "getDeploymentPipeline", Set.of(200),
            "getComponentRelease", Set.of(200, 404),
            "createReleaseBinding", Set.of(201, 403),
            "updateReleaseBinding", Set.of(200));

    /** The error statuses the engine handles, per operation, each provoked below. */
    private static final Map<String, Set<Integer>> STATUSES = Map.of(
            "createWorkload", Set.of(201, 400, 409, 422),
            "updateWorkload", Set.of(200, 404, 422, 500),
            "getWorkload", Set.of(200, 404),
            "listWorkloads", Set.of(200, 401),
            "getWorkflowRun", Set.of(200, 404),
            "getComponent", Set.of(200, 403, 404),
            "getReleaseBinding", Set.of(200, 403, 404),
            "getReleaseBindingK8sResourceEvents", Set.of(200),
            "getReleaseBindingK8sResourceLogs", Set.of(200),
            "getReleaseBindingK8sResourceTree", Set.of(200, 403, 404));

    private Sandbox sandbox;

    @Test
    void everyRequestAndAnswerOfTheEngineFollowsOpenChoreosDocument() throws IOException {
        Optional<Path> document = OpenApiContract.location();
        Assumptions.assumeTrue(document.isPresent(), "OpenChoreo's OpenAPI document is not beside this checkout "
                + "(expected ../shared/openchoreo-spec/openapi.yaml or -Dopenchoreo.spec): the contract test is skipped");
        OpenApiContract contract = OpenApiContract.read(document.get());
        sandbox = SANDBOX.get();

        List<RecordedRequest> exchanges = new ArrayList<>();
        exchanges.addAll(run(this::connectionCheckWithDiscovery));
        exchanges.addAll(run(this::deploysAndTheirAnnotations));
        exchanges.addAll(run(this::workloadErrors));
        exchanges.addAll(run(this::rolloutsFollowedToReady));
        exchanges.addAll(run(this::rolloutsThatCannotBeFollowed));
        exchanges.addAll(run(this::aFailingRolloutWithLogLines));
        exchanges.addAll(run(this::promotions));

        List<String> violations = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        Map<String, Set<Integer>> seen = new TreeMap<>();
        int responses = 0;
        int requests = 0;
        for (RecordedRequest exchange : exchanges) {
            String what = exchange.method() + " " + exchange.path() + (exchange.query() == null ? ""
                    : "?" + exchange.query()) + " -> " + exchange.status();
            Optional<OpenApiContract.Found> found = contract.operation(exchange.method(), exchange.path());
            if (found.isEmpty()) {
                violations.add(what + ": the document has no such operation");
                continue;
            }
            String name = found.get().name();
            seen.computeIfAbsent(name, n -> new TreeSet<>()).add(exchange.status());
            contract.checkRequest(found.get(), exchange).forEach(p -> violations.add(what + " (" + name
                    + ") request: " + p));
            requests++;
            List<String> problems = contract.checkResponse(found.get(), exchange);
            if (!problems.isEmpty() && serverOwnUnauthorized(exchange)) {
                deviations.add(what + " (" + name + "): " + exchange.responseBody().strip());
                continue;
            }
            problems.forEach(p -> violations.add(what + " (" + name + ") response: " + p));
            responses++;
        }
        System.out.println("[contract] operations " + seen.size() + ", responses validated " + responses
                + ", requests validated " + requests + ", violations " + violations.size());
        System.out.println("[contract] statuses seen " + seen);
        deviations.stream().distinct().forEach(d -> System.out.println("[contract] the server's own deviation from "
                + "its document (internal/server/middleware/auth/jwt/helpers.go @ad3f503): " + d));

        assertThat(violations).as("requests and answers off OpenChoreo's document").isEmpty();
        assertThat(seen.keySet()).as("operations the engine calls").containsAll(ENGINE_OPERATIONS);
        assertThat(seen.keySet()).as("operations a promotion calls").containsAll(PROMOTION_OPERATIONS);
        PROMOTION_STATUSES.forEach((operation, statuses) -> assertThat(seen.get(operation))
                .as("statuses of " + operation).containsAll(statuses));
        STATUSES.forEach((operation, statuses) -> assertThat(seen.get(operation)).as("statuses of " + operation)
                .containsAll(statuses));
        assertThat(deviations).as("only the token check's 401 deviates").allMatch(d -> d.contains("-> 401"));
    }

    /** The 401 of OpenChoreo's token check: {"error": <code>, "message": …} (jwt/helpers.go @ad3f503). */
    private static boolean serverOwnUnauthorized(RecordedRequest exchange) {
        if (exchange.status() != 401) {
            return false;
        }
        try {
            var body = Json.MAPPER.readTree(exchange.responseBody());
            return body.size() == 2 && body.path("error").asText().matches("[A-Z_]+") && body.has("message");
        } catch (IOException e) {
            return false;
        }
    }

    private List<RecordedRequest> run(Runnable scenario) {
        sandbox.reset();
        sandbox.addComponent("default", "shop", "greeter");
        scenario.run();
        return sandbox.requests().stream().filter(r -> !identityProvider(r.route())).toList();
    }

    private static boolean identityProvider(Route route) {
        return route == Route.TOKEN || route == Route.JWKS || route == Route.OIDC_DISCOVERY
                || route == Route.OAUTH_AS_DISCOVERY;
    }

    private ConnectionSettings settings() {
        return SandboxTestSupport.settings(sandbox);
    }

    private SandboxClient client(String id, Role role) {
        return sandbox.registerClient(id, id + "-secret", AuthMethod.POST, role);
    }

    private Deployer deployer(SandboxClient client) {
        return new Deployer(settings(), SandboxTestSupport.credentials(client), new OpenChoreoEngine(), null,
                DeployListener.NONE);
    }

    private OpenChoreoConnection connection(SandboxClient client) {
        return new OpenChoreoEngine().connect(settings(), SandboxTestSupport.credentials(client), CallObserver.NONE);
    }

    private final WaitOptions fast = WaitOptions.defaults().withTimeout(Duration.ofSeconds(10))
            .withIntervals(Duration.ofMillis(40), Duration.ofMillis(120));

    /** Version, the protected-resource metadata (token endpoint discovery), health, a workload list. */
    private void connectionCheckWithDiscovery() {
        ConnectionSettings discovering = settings().toBuilder().tokenUrl(null).build();
        ConnectionCheck.run(discovering, SandboxTestSupport.credentials(sandbox.defaultClient()),
                new OpenChoreoEngine(), "default", "greeter", CallObserver.NONE);
        assertThat(connection(sandbox.defaultClient()).workloads().healthy()).isTrue();
    }

    /** Create, then update (image and replace), annotating a WorkflowRun each time. */
    private void deploysAndTheirAnnotations() {
        sandbox.putWorkflowRun("default", workflowRun("greeter-build-1"));
        SandboxClient ci = sandbox.defaultClient();
        deployer(ci).deploy(DeployRequest.builder("greeter", "registry.example.com/greeter:1").project("shop")
                .endpoints("- {name: api, port: 8080, type: HTTP, visibility: [external], basePath: /api}")
                .env(List.of("LOG_LEVEL=info")).labels(Map.of("team", "payments"))
                .workflowRun("greeter-build-1").build());
        deployer(ci).deploy(DeployRequest.builder("greeter", "registry.example.com/greeter:2").project("shop")
                .workflowRun("greeter-build-1").build());
        // A WorkflowRun that does not exist: a warning, the deploy stands.
        deployer(ci).deploy(DeployRequest.builder("greeter", "registry.example.com/greeter:3").project("shop")
                .workflowRun("greeter-build-404").build());
    }

    /** The error answers of the Workload routes, through the engine's own client. */
    private void workloadErrors() {
        SandboxClient ci = sandbox.defaultClient();
        var workloads = connection(ci).workloads();
        Workload greeter = Workload.minimal("greeter-workload", "shop", "greeter", "registry.example.com/greeter:1");
        workloads.create("default", greeter);
        expectFailure(() -> workloads.create("default", greeter)); // 409
        expectFailure(() -> workloads.create("default", Workload.minimal("ghost-workload", "shop", "ghost", "r/g:1")));
        expectFailure(() -> workloads.create("default", Workload.minimal("empty-workload", "shop", "greeter", "")));
        expectFailure(() -> workloads.get("default", "missing-workload"));
        expectFailure(() -> workloads.update("default", Workload.minimal("missing-workload", "shop", "greeter",
                "r/g:1")));
        sandbox.addComponent("default", "shop", "other");
        expectFailure(() -> workloads.update("default", Workload.minimal("greeter-workload", "shop", "other",
                "r/g:2"))); // 422, spec.owner is immutable
        // The server's answer to a concurrent update: 500; the deploy re-reads and re-applies.
        sandbox.faults().add(Fault.on(Route.WORKLOAD_UPDATE).status(500).times(1));
        deployer(ci).deploy(DeployRequest.builder("greeter", "registry.example.com/greeter:5").project("shop").build());
        // An expired ready token: the token check's 401.
        OpenChoreoConnection expired = new OpenChoreoEngine().connect(settings(), Credentials.token(sandbox.mintToken(
                Sandbox.DEFAULT_CLIENT_ID, Duration.ofSeconds(-1))),
                CallObserver.NONE);
        expectFailure(() -> expired.workloads().listByComponent("default", "greeter"));
    }

    /** A watcher follows a new release and an update to Ready; bindings are read by name too. */
    private void rolloutsFollowedToReady() {
        sandbox.setRolloutDelay(Duration.ofMillis(400));
        SandboxClient watcher = client("rollout-watcher", Role.ROLLOUT_WATCHER);
        String endpoints = "- {name: api, port: 8080, type: HTTP, visibility: [external]}\n"
                + "- {name: admin, port: 9090, type: HTTP, visibility: [namespace]}\n"
                + "- {name: metrics, port: 9100, type: TCP}";
        deployer(watcher).deploy(DeployRequest.builder("greeter", "r/g:1").project("shop").endpoints(endpoints)
                .waitOptions(fast).build());
        sandbox.setInvokeUrls(true);
        deployer(watcher).deploy(DeployRequest.builder("greeter", "r/g:2").project("shop").endpoints(endpoints)
                .waitOptions(fast.withEnvironment("development")).build());
        var rollouts = connection(watcher).rollouts();
        rollouts.binding("default", "greeter-development");
        expectFailure(() -> rollouts.binding("default", "ghost-development"));
        expectFailure(() -> rollouts.resourceTree("default", "ghost-development"));
        expectFailure(() -> rollouts.component("default", "ghost"));
    }

    /** The shipped CI role (component 403), a role without releasebinding:view (binding 403, list filtered). */
    private void rolloutsThatCannotBeFollowed() {
        sandbox.setRolloutDelay(Duration.ofMillis(200));
        deployer(sandbox.defaultClient()).deploy(DeployRequest.builder("greeter", "r/g:1").project("shop")
                .waitOptions(fast).build());
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", "r/g:0").toJson());
        SandboxClient releases = client("release-watcher", Role.RELEASE_WATCHER);
        expectFailure(() -> deployer(releases).deploy(DeployRequest.builder("greeter", "r/g:2").project("shop")
                .waitOptions(fast.withStrict(true)).build()));
        expectFailure(() -> connection(releases).rollouts().resourceTree("default", "greeter-development"));
        sandbox.addComponent("default", "shop", "fresh");
        deployer(releases).deploy(DeployRequest.builder("fresh", "r/f:1").project("shop")
                .waitOptions(fast.withVisibilityGrace(Duration.ofMillis(300))).build());
    }

    /** A rollout that fails: the tree, the events of the Deployment and its pod, and the pod's log lines. */
    private void aFailingRolloutWithLogLines() {
        sandbox.setRolloutDelay(Duration.ofMillis(200));
        sandbox.failRollouts("default", "greeter", "ImagePullBackOff", "Back-off pulling image \"r/g:bad\"",
                List.of("pulling r/g:bad", "manifest unknown"));
        SandboxClient watcher = client("rollout-watcher", Role.ROLLOUT_WATCHER);
        expectFailure(() -> deployer(watcher).deploy(DeployRequest.builder("greeter", "r/g:bad").project("shop")
                .waitOptions(fast.withTimeout(Duration.ofMillis(800)).withShowLogs(true)).build()));
    }

    /**
     * Promotions: development → staging created and followed to Ready, a newer release updating the
     * binding, a named release (found and missing), the CI role refused at the project, a client that
     * may read but not write refused at the create, a path the pipeline lacks.
     */
    private void promotions() {
        sandbox.setRolloutDelay(Duration.ofMillis(300));
        SandboxClient promoter = client("release-promoter", Role.RELEASE_PROMOTER);
        String endpoints = "- {name: api, port: 8080, type: HTTP, visibility: [external]}";
        deployer(promoter).deploy(DeployRequest.builder("greeter", "r/g:1").project("shop").endpoints(endpoints)
                .waitOptions(fast).build());
        promoter(promoter).promote(PromoteRequest.builder("greeter", "development", "staging").project("shop")
                .waitOptions(fast).build());
        deployer(promoter).deploy(DeployRequest.builder("greeter", "r/g:2").project("shop").endpoints(endpoints)
                .waitOptions(fast).build());
        PromoteResult updated = promoter(promoter).promote(PromoteRequest.builder("greeter", "development",
                "staging").project("shop").waitOptions(fast).build());
        promoter(promoter).promote(PromoteRequest.builder("greeter", "staging", "production").project("shop")
                .release(updated.release()).dryRun(true).build());
        expectFailure(() -> promoter(promoter).promote(PromoteRequest.builder("greeter", "staging", "production")
                .project("shop").release("greeter-0000000000").build()));
        expectFailure(() -> promoter(sandbox.defaultClient()).promote(PromoteRequest.builder("greeter",
                "staging", "production").project("shop").build()));
        expectFailure(() -> promoter(client("release-reader", Role.RELEASE_READER)).promote(PromoteRequest
                .builder("greeter", "staging", "production").project("shop").build()));
        expectFailure(() -> promoter(promoter).promote(PromoteRequest.builder("greeter", "development",
                "production").project("shop").build()));
    }

    private Promoter promoter(SandboxClient client) {
        return new Promoter(settings(), SandboxTestSupport.credentials(client), new OpenChoreoEngine(),
                DeployListener.NONE);
    }

    private static void expectFailure(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(OpenChoreoException.class);
    }

    /** A WorkflowRun as OpenChoreo's CI makes it (WorkflowRun in the document). */
    private static ObjectNode workflowRun(String name) {
        ObjectNode run = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "WorkflowRun");
        run.putObject("metadata").put("name", name).put("namespace", "default")
                .putObject("labels").put("openchoreo.dev/component", "greeter").put("openchoreo.dev/project", "shop");
        ObjectNode workflow = run.putObject("spec").putObject("workflow").put("kind", "ClusterWorkflow")
                .put("name", "dockerfile-builder");
        workflow.putObject("parameters").put("repository", "https://github.com/example/greeter");
        run.putObject("status").putArray("conditions").addObject().put("type", "Completed").put("status", "True")
                .put("reason", "Succeeded").put("lastTransitionTime", "2026-08-21T10:00:00Z");
        return run;
    }
}
