package io.jenkins.plugins.openchoreo.client.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.rules.Names;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile names, images, labels, env entries and WorkflowRun names through the request builder
 * and the Deployer, as a dry run and for real against the sandbox: a clear validation error
 * before any request, or a valid request to an expected path that the server accepts.
 */
class RequestPropertiesTest {

    private static final Tally TALLY = new Tally("names, images, labels, env through the Deployer");
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static SandboxDeploys deploys;
    private static Sandbox sandbox;

    @BeforeContainer
    static void start() {
        deploys = new SandboxDeploys(TALLY);
        sandbox = deploys.sandbox;
    }

    @AfterContainer
    static void stop() {
        deploys.close();
    }

    @Property(tries = 500)
    void everyNameIsCheckedBeforeAnyRequest(@ForAll("names") String namespace, @ForAll("names") String project,
            @ForAll("names") String component, @ForAll("images") String image,
            @ForAll("optionalNames") String workloadName, @ForAll("optionalNames") String workflowRun,
            @ForAll("labels") Map<String, String> labels, @ForAll("labels") Map<String, String> annotations,
            @ForAll("env") List<String> env) {
        DeployRequest request = DeployRequest.builder(component, image).namespace(namespace).project(project)
                .workloadName(workloadName).workflowRun(workflowRun).labels(labels).annotations(annotations)
                .env(env).dryRun(true).build();
        // A dry run reads the component it would create a Workload for (issue 18): where the names are
        // valid it exists, so what is judged is the names, not the server's 404 for an unknown component.
        if (Names.problem("namespace", request.namespace()).isEmpty()
                && Names.problem("project", request.project()).isEmpty()
                && Names.problem("component", request.component()).isEmpty()) {
            sandbox.addComponent(request.namespace(), request.project(), request.component());
        }
        deploy(request, false);
    }

    @Property(tries = 300)
    void validRequestsAreAcceptedByTheServer(@ForAll("mostlyValidNames") String project,
            @ForAll("mostlyValidNames") String component, @ForAll("mostlyValidImages") String image,
            @ForAll("optionalNames") String workloadName, @ForAll("mostlyValidLabels") Map<String, String> labels,
            @ForAll("mostlyValidLabels") Map<String, String> annotations, @ForAll("mostlyValidEnv") List<String> env) {
        // A fresh namespace each time: names are under test, not "one Workload per component".
        String namespace = "p-" + NAMESPACES.incrementAndGet();
        DeployRequest request = DeployRequest.builder(component, image).namespace(namespace).project(project)
                .workloadName(workloadName).labels(labels).annotations(annotations).env(env).build();
        if (Names.problem("project", request.project()).isEmpty()
                && Names.problem("component", request.component()).isEmpty()) {
            sandbox.addComponent(namespace, request.project(), request.component());
        }
        DeployResult result = deploy(request, true);
        if (result != null) {
            assertThat(sandbox.workload(namespace, result.target().workloadName()).orElseThrow().path("spec")
                    .path("container").path("image").asText()).isEqualTo(request.image());
        }
    }

    @Property(tries = 100)
    void everyValidRequestIsAcceptedAndStored(@ForAll("validNames") String project,
            @ForAll("validNames") String component, @ForAll("validImages") String image,
            @ForAll("validLabels") Map<String, String> labels, @ForAll("validEnv") List<String> env) {
        // The counterpart of the hostile properties: a rejection here is a false refusal, so no tally.
        String namespace = "v-" + NAMESPACES.incrementAndGet();
        sandbox.addComponent(namespace, project, component);
        DeployRequest request = DeployRequest.builder(component, image).namespace(namespace).project(project)
                .labels(labels).annotations(labels).env(env).build();
        DeployResult result = deploys.deployer(new MemoryFiles()).deploy(request);
        assertThat(result.change().outcome())
                .isEqualTo(io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome.CREATED);
        var stored = sandbox.workload(namespace, result.target().workloadName()).orElseThrow();
        assertThat(stored.path("spec").path("container").path("image").asText()).isEqualTo(image);
        assertThat(stored.path("spec").path("container").path("env")).hasSize((int) env.stream()
                .map(e -> e.substring(0, e.indexOf('='))).distinct().count());
        labels.forEach((k, v) -> assertThat(stored.path("metadata").path("labels").path(k).asText()).isEqualTo(v));
    }

    @Provide
    Arbitrary<String> validNames() {
        return Hostile.validNames();
    }

    @Provide
    Arbitrary<String> validImages() {
        return Hostile.validImages();
    }

    @Provide
    Arbitrary<Map<String, String>> validLabels() {
        return Arbitraries.maps(Hostile.validNames(), Hostile.validNames()).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> validEnv() {
        Arbitrary<String> key = Combinators.combine(Arbitraries.strings().withChars("ABCXYZ_").ofLength(1),
                Arbitraries.strings().withChars("ABCXYZ_0189").ofMaxLength(11)).as(String::concat);
        return Combinators.combine(key, Arbitraries.strings().alpha().numeric().withChars(" =:/.-").ofMaxLength(20))
                .as((k, v) -> k + "=" + v).list().ofMaxSize(3);
    }

    private DeployResult deploy(DeployRequest request, boolean real) {
        DeployResult result = deploys.deploy(request, new MemoryFiles(), request.toString());
        if (result != null && !real) {
            assertThat(sandbox.requests()).as("a dry run only reads").allSatisfy(r -> assertThat(
                    r.method().equals("GET") || r.path().endsWith("/token")).as(r.method() + " " + r.path()).isTrue());
        }
        return result;
    }

    @Provide
    Arbitrary<String> names() {
        return Hostile.names();
    }

    @Provide
    Arbitrary<String> mostlyValidNames() {
        return Arbitraries.frequencyOf(Tuple.of(8, Hostile.validNames()), Tuple.of(1, Hostile.names()));
    }

    @Provide
    Arbitrary<String> mostlyValidImages() {
        return Arbitraries.frequencyOf(Tuple.of(4, Hostile.validImages()), Tuple.of(1, Hostile.images()));
    }

    @Example
    void aHostileWorkflowRunNameIsRefusedBeforeTheWorkloadIsWritten() {
        sandbox.clearRequests();
        DeployRequest request = DeployRequest.builder("greeter", "registry.example.com/greeter:1")
                .namespace("p-run").workflowRun("../../namespaces/other/workloads/x").build();
        assertThatThrownBy(() -> deploys.deployer(new MemoryFiles()).deploy(request)).isInstanceOfSatisfying(
                InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("workflowRun"));
        assertThat(sandbox.requests()).isEmpty();
    }

    @Example
    void imagesFollowTheReferenceGrammar() {
        for (String image : List.of("r/g:1", "localhost:5000/team/app:1.2.3", "Registry.Example.com/a/b_c__d-e:v1",
                "app@sha256:" + "a".repeat(64), "[::1]:5000/app:latest", "app:" + "x".repeat(128))) {
            assertThat(DeployRequest.builder("greeter", image).dryRun(true).build()).satisfies(
                    r -> assertThat(dryRunProblems(r)).as(image).isEmpty());
        }
        for (String image : List.of("App:1", "app:", ":1", "app:1:2", "../app", "app/", "/app", "a//b", "app:" + "x"
                .repeat(129), "app@sha256:abc", "ÄÖ:1", "app:1 x", "a".repeat(256), "app\u00A0:1", "-app", "app.")) {
            assertThat(dryRunProblems(DeployRequest.builder("greeter", image).dryRun(true).build())).as(image)
                    .containsExactly("image");
        }
    }

    private static List<String> dryRunProblems(DeployRequest request) {
        sandbox.addComponent("default", "default", "greeter");
        try {
            deploys.deployer(new MemoryFiles()).deploy(request);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.fieldErrors().stream().map(f -> f.field()).toList();
        }
    }

    @Provide
    Arbitrary<String> optionalNames() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just((String) null)),
                Tuple.of(1, Hostile.names()));
    }

    @Provide
    Arbitrary<String> images() {
        return Hostile.images();
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(Arbitraries.oneOf(Hostile.names(), Hostile.validNames().map(n -> "example.com/" + n)),
                Arbitraries.oneOf(Hostile.text(), Hostile.validNames())).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Map<String, String>> mostlyValidLabels() {
        Arbitrary<Map<String, String>> valid = Arbitraries.maps(Hostile.validNames(), Hostile.validNames())
                .ofMaxSize(3);
        return Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(1, labels()));
    }

    @Provide
    Arbitrary<List<String>> mostlyValidEnv() {
        Arbitrary<String> valid = Combinators.combine(Arbitraries.strings().withChars("ABCXYZ_").ofMinLength(1)
                .ofMaxLength(12), Hostile.text()).as((k, v) -> k + "=" + v);
        return Arbitraries.frequencyOf(Tuple.of(6, valid.list().ofMaxSize(3)), Tuple.of(1, env()));
    }

    @Provide
    Arbitrary<List<String>> env() {
        Arbitrary<String> key = Arbitraries.oneOf(Hostile.text(),
                Arbitraries.strings().withChars("ABCXYZ_019").ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> entry = Arbitraries.oneOf(Hostile.text(),
                Combinators.combine(key, Hostile.text()).as((k, v) -> k + "=" + v));
        return entry.list().ofMaxSize(4);
    }
}
