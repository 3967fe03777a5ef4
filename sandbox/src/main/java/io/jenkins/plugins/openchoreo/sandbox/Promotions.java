package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What promotion reads and writes: environments, DeploymentPipelines, projects (which pipeline
 * each uses), ComponentReleases, and the ReleaseBindings clients create and replace, answering as
 * OpenChoreo's handlers and services do at commit ad3f5030 ({@code api/handlers/release_bindings.go},
 * {@code services/releasebinding/service.go}, {@code deployment_pipelines.go}, {@code projects.go},
 * {@code environments.go}). Every namespace with a component has OpenChoreo's default setup:
 * environments development, staging and production, and the pipeline {@code default}
 * (development → staging → production) that every project uses.
 *
 * <p>A written binding is reconciled on the rollout timer: its status stays as it was (stale)
 * until two thirds of the delay, then the controller has observed it ({@code observedGeneration}
 * catches up, as the real ReleaseBinding controller sets it), and at the full delay it is Ready
 * with its endpoints, or not Ready with the release's failure. The auto-deployed binding of the
 * first environment stays {@link Rollouts}'.
 */
final class Promotions {

    static final List<String> DEFAULT_ENVIRONMENTS = List.of("development", "staging", "production");
    static final String DEFAULT_PIPELINE = "default";

    private final Object lock = new Object();
    private final Map<String, Map<String, ObjectNode>> environments = new HashMap<>();
    private final Map<String, Map<String, ObjectNode>> pipelines = new HashMap<>();
    private final Map<String, Map<String, String>> projects = new HashMap<>(); // ns → project → pipeline
    private final Map<String, TreeMap<String, Stored>> bindings = new HashMap<>();
    private final Rollouts rollouts;
    private final Clock clock;

    Promotions(Rollouts rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.clock = clock;
    }

    void reset() {
        synchronized (lock) {
            environments.clear();
            pipelines.clear();
            projects.clear();
            bindings.clear();
        }
    }

    /** The project exists (using the default pipeline unless told otherwise), and so does the namespace's setup. */
    void addProject(String namespace, String project) {
        synchronized (lock) {
            Map<String, ObjectNode> envs = environments.computeIfAbsent(namespace, n -> new LinkedHashMap<>());
            if (envs.isEmpty()) {
                DEFAULT_ENVIRONMENTS.forEach(e -> envs.put(e, environment(namespace, e, e.equals("production"))));
            }
            Map<String, ObjectNode> ofNamespace = pipelines.computeIfAbsent(namespace, n -> new LinkedHashMap<>());
            if (!ofNamespace.containsKey(DEFAULT_PIPELINE)) {
                Map<String, List<String>> paths = new LinkedHashMap<>();
                paths.put("development", List.of("staging"));
                paths.put("staging", List.of("production"));
                ofNamespace.put(DEFAULT_PIPELINE, pipeline(namespace, DEFAULT_PIPELINE, paths));
            }
            projects.computeIfAbsent(namespace, n -> new HashMap<>()).putIfAbsent(project, DEFAULT_PIPELINE);
        }
    }

    /** Stores a DeploymentPipeline (source → targets) and adds any environment it names. */
    void putPipeline(String namespace, String name, Map<String, List<String>> paths) {
        synchronized (lock) {
            Map<String, ObjectNode> envs = environments.computeIfAbsent(namespace, n -> new LinkedHashMap<>());
            paths.forEach((source, targets) -> {
                envs.computeIfAbsent(source, e -> environment(namespace, e, false));
                targets.forEach(t -> envs.computeIfAbsent(t, e -> environment(namespace, e, false)));
            });
            pipelines.computeIfAbsent(namespace, n -> new LinkedHashMap<>()).put(name,
                    pipeline(namespace, name, paths));
        }
    }

    /** Which pipeline the project uses; null for none (a project without spec.deploymentPipelineRef). */
    void usePipeline(String namespace, String project, String pipeline) {
        synchronized (lock) {
            projects.computeIfAbsent(namespace, n -> new HashMap<>()).put(project, pipeline);
        }
    }

    /** Stores a binding as given, as if written long ago (so it is reconciled and Ready, if it can be). */
    void putBinding(String namespace, ObjectNode binding) {
        String name = binding.path("metadata").path("name").asText();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The ReleaseBinding has no metadata.name");
        }
        synchronized (lock) {
            Stored stored = store(namespace, name, binding, null);
            stored.changedAt = Instant.EPOCH;
        }
    }

    Optional<ObjectNode> binding(String namespace, String name) {
        synchronized (lock) {
            Stored stored = bindings.getOrDefault(namespace, new TreeMap<>()).get(name);
            return Optional.ofNullable(stored).map(this::toJson);
        }
    }

    /** The stored bindings of a component (spec.owner.componentName), by name. */
    List<ObjectNode> bindings(String namespace, String component) {
        synchronized (lock) {
            return bindings.getOrDefault(namespace, new TreeMap<>()).values().stream()
                    .filter(s -> component.equals(s.doc.path("spec").path("owner").path("componentName").asText()))
                    .map(this::toJson).toList();
        }
    }

    Reply project(String namespace, String name) {
        synchronized (lock) {
            Map<String, String> ofNamespace = projects.getOrDefault(namespace, Map.of());
            if (!ofNamespace.containsKey(name)) {
                return Reply.notFound("Project");
            }
            ObjectNode body = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Project");
            body.putObject("metadata").put("name", name).put("namespace", namespace);
            ObjectNode spec = body.putObject("spec");
            String pipeline = ofNamespace.get(name);
            if (pipeline != null) {
                spec.putObject("deploymentPipelineRef").put("kind", "DeploymentPipeline").put("name", pipeline);
            }
            body.putObject("status");
            return Reply.json(200, body);
        }
    }

    Reply pipeline(String namespace, String name) {
        synchronized (lock) {
            ObjectNode pipeline = pipelines.getOrDefault(namespace, Map.of()).get(name);
            return pipeline == null ? Reply.notFound("DeploymentPipeline")
                    : Reply.json(200, pipeline.deepCopy());
        }
    }

    Reply environment(String namespace, String name) {
        synchronized (lock) {
            ObjectNode environment = environments.getOrDefault(namespace, Map.of()).get(name);
            return environment == null ? Reply.notFound("Environment")
                    : Reply.json(200, environment.deepCopy());
        }
    }

    /** The namespace's environments; none for a caller that may not view them (lists filter, never 403). */
    Reply environments(String namespace, boolean may) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        synchronized (lock) {
            if (may) {
                environments.getOrDefault(namespace, Map.of()).values().forEach(e -> items.add(e.deepCopy()));
            }
        }
        body.putObject("pagination");
        return Reply.json(200, body);
    }

    Reply componentRelease(String namespace, String name) {
        return rollouts.release(namespace, name).map(found -> {
            ObjectNode body = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind",
                    "ComponentRelease");
            body.putObject("metadata").put("name", found.release().name()).put("namespace", namespace);
            ObjectNode spec = body.putObject("spec");
            spec.putObject("owner").put("projectName", found.history().project)
                    .put("componentName", found.history().component);
            spec.putObject("componentType").put("kind", "ClusterComponentType").put("name", "deployment/service");
            spec.set("workload", found.release().spec().deepCopy());
            body.putObject("status");
            return Reply.json(200, body);
        }).orElseGet(() -> Reply.notFound("ComponentRelease"));
    }

    /**
     * {@code POST …/releasebindings}, in the handler's and service's order: the body (400), the
     * namespace in it (400), the component (400 "Referenced component not found"), the name taken
     * (409), then the CRD's schema (422).
     *
     * @param projectOf the project owning a component, or null when the component does not exist
     * @param autoDeployed whether a binding of that name is the first environment's (Rollouts')
     */
    Reply create(String namespace, String body, BiFunction<String, String, String> projectOf,
            Predicate<String> autoDeployed) {
        Body read = Body.read(namespace, body);
        if (read.error() != null) {
            return read.error();
        }
        ObjectNode doc = read.doc();
        String name = doc.path("metadata").path("name").asText("");
        JsonNode owner = doc.path("spec").path("owner");
        if (projectOf.apply(namespace, owner.path("componentName").asText("")) == null) {
            return Reply.error(400, "BAD_REQUEST", "Referenced component not found");
        }
        synchronized (lock) {
            if (autoDeployed.test(name) || bindings.getOrDefault(namespace, new TreeMap<>()).containsKey(name)) {
                return Reply.error(409, "CONFLICT", "ReleaseBinding already exists");
            }
            List<String> causes = schemaProblems(doc, name);
            if (!causes.isEmpty()) {
                return Reply.error(422, "UNPROCESSABLE_CONTENT", String.join("; ", causes));
            }
            return Reply.json(201, toJson(store(namespace, name, doc, null)));
        }
    }

    /**
     * {@code PUT …/releasebindings/{name}}: the body (400), the binding (404), the CRD's rules (422:
     * owner and environment immutable), then spec, labels and annotations replaced; status stays.
     */
    Reply update(String namespace, String name, String body) {
        Body read = Body.read(namespace, body);
        if (read.error() != null) {
            return read.error();
        }
        ObjectNode doc = read.doc();
        synchronized (lock) {
            Stored existing = bindings.getOrDefault(namespace, new TreeMap<>()).get(name);
            if (existing == null) {
                return Reply.notFound("ReleaseBinding");
            }
            List<String> causes = schemaProblems(doc, name);
            JsonNode oldSpec = existing.doc.path("spec");
            if (!oldSpec.path("owner").equals(doc.path("spec").path("owner"))) {
                causes.add("spec.owner: Invalid value: \"object\": spec.owner is immutable");
            }
            if (!oldSpec.path("environment").equals(doc.path("spec").path("environment"))) {
                causes.add("spec.environment: Invalid value: \"string\": spec.environment is immutable");
            }
            if (!causes.isEmpty()) {
                return Reply.error(422, "UNPROCESSABLE_CONTENT", String.join("; ", causes));
            }
            return Reply.json(200, toJson(store(namespace, name, doc, existing)));
        }
    }

    /** The CRD's required fields and enum, each as {@code field: message} (ExtractValidationMessage's form). */
    private static List<String> schemaProblems(ObjectNode doc, String name) {
        List<String> causes = new ArrayList<>();
        if (name.isEmpty()) {
            causes.add("metadata.name: Required value: name or generateName is required");
        }
        JsonNode spec = doc.path("spec");
        for (String field : List.of("projectName", "componentName")) {
            if (!spec.path("owner").path(field).isTextual()) {
                causes.add("spec.owner." + field + ": Required value");
            }
        }
        if (!spec.path("environment").isTextual()) {
            causes.add("spec.environment: Required value");
        }
        String state = spec.path("state").asText("Active");
        if (!state.equals("Active") && !state.equals("Undeploy")) {
            causes.add("spec.state: Unsupported value: \"" + state + "\": supported values: \"Active\", \"Undeploy\"");
        }
        return causes;
    }

    /** Keeps name, labels (with the owner labels the service adds), annotations and spec; callers hold the lock. */
    private Stored store(String namespace, String name, ObjectNode doc, Stored previous) {
        ObjectNode kept = Json.object();
        ObjectNode metadata = kept.putObject("metadata");
        metadata.put("name", name).put("namespace", namespace);
        JsonNode old = previous == null ? Json.object() : previous.doc.path("metadata");
        metadata.put("uid", old.path("uid").asText(UUID.randomUUID().toString()));
        metadata.put("creationTimestamp", old.path("creationTimestamp").asText(clock.instant().toString()));
        ObjectNode labels = metadata.putObject("labels");
        if (doc.path("metadata").path("labels").isObject()) {
            labels.setAll((ObjectNode) doc.path("metadata").path("labels").deepCopy());
        }
        ObjectNode spec = doc.path("spec").isObject() ? (ObjectNode) doc.path("spec").deepCopy() : Json.object();
        labels.put(WorkloadApi.LABEL_PROJECT, spec.path("owner").path("projectName").asText(""));
        labels.put(WorkloadApi.LABEL_COMPONENT, spec.path("owner").path("componentName").asText(""));
        if (doc.path("metadata").path("annotations").isObject()) {
            metadata.set("annotations", doc.path("metadata").path("annotations").deepCopy());
        }
        if (!spec.has("state")) {
            spec.put("state", "Active"); // the CRD's default
        }
        kept.set("spec", spec);
        Stored stored = new Stored(kept);
        if (previous != null) {
            stored.generation = previous.generation;
            stored.changedAt = previous.changedAt;
            stored.statusBefore = previous.statusBefore;
            if (!previous.doc.path("spec").equals(spec)) {
                // A spec change: a new generation, not yet observed; status is what it was.
                stored.statusBefore = status(previous, clock.instant());
                stored.generation = previous.generation + 1;
                stored.changedAt = clock.instant();
            }
        } else {
            stored.changedAt = clock.instant();
        }
        bindings.computeIfAbsent(namespace, n -> new TreeMap<>()).put(name, stored);
        return stored;
    }

    private ObjectNode toJson(Stored stored) {
        ObjectNode json = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "ReleaseBinding");
        json.setAll(stored.doc.deepCopy());
        json.set("status", status(stored, clock.instant()));
        return json;
    }

    /**
     * The status the controller has written by {@code now}: the previous one until it reconciles the
     * change (two thirds of the delay), then progressing, then Ready with the release's endpoints at
     * the full delay, or degraded for a component told to fail; a release that does not exist or an
     * undeployed binding never gets Ready.
     */
    private ObjectNode status(Stored stored, Instant now) {
        Duration delay = rollouts.delay();
        Duration elapsed = Duration.between(stored.changedAt, now);
        if (elapsed.compareTo(delay.multipliedBy(2).dividedBy(3)) < 0) {
            return stored.statusBefore.deepCopy();
        }
        String name = stored.doc.path("metadata").path("name").asText();
        JsonNode spec = stored.doc.path("spec");
        String releaseName = spec.path("releaseName").asText("");
        Optional<Rollouts.Found> release = releaseName.isEmpty() ? Optional.empty()
                : rollouts.release(stored.doc.path("metadata").path("namespace").asText(), releaseName);
        boolean undeploy = "Undeploy".equals(spec.path("state").asText());
        boolean failed = release.isPresent() && release.get().release().failure() != null;
        boolean done = elapsed.compareTo(delay) >= 0;
        boolean ready = release.isPresent() && !undeploy && !failed && done;
        String reason = ready ? "Ready" : release.isEmpty() ? "ComponentReleaseNotFound" : undeploy ? "Undeployed"
                : failed && done ? "ResourcesDegraded" : "ResourcesProgressing";
        String message = ready ? "ReleaseBinding is ready" : release.isEmpty() ? "ComponentRelease \"" + releaseName
                + "\" not found" : undeploy ? "The release is undeployed (spec.state Undeploy)"
                : "Primary workload Deployment/" + name + " is " + (failed && done ? "degraded" : "progressing");
        ObjectNode status = Json.object();
        status.put("observedGeneration", stored.generation);
        status.put("lastSpecUpdateTime", BindingView.time(stored.changedAt));
        ArrayNode conditions = status.putArray("conditions");
        condition(conditions, "ReleaseSynced", release.isPresent(), release.isPresent() ? "ReleaseSynced" : reason,
                release.isPresent() ? "Release \"" + name + "\" is up to date" : message, stored);
        condition(conditions, "ResourcesReady", ready, reason, message, stored);
        condition(conditions, "Ready", ready, reason, message, stored);
        if (release.isPresent() && !undeploy) {
            ArrayNode endpoints = BindingView.endpoints(release.get().history(), release.get().release(),
                    spec.path("environment").asText(), rollouts.invokeUrls(), rollouts.httpsListener());
            if (!endpoints.isEmpty()) {
                status.set("endpoints", endpoints);
            }
        }
        return status;
    }

    private static void condition(ArrayNode conditions, String type, boolean ok, String reason, String message,
            Stored stored) {
        conditions.addObject().put("type", type).put("status", ok ? "True" : "False")
                .put("observedGeneration", stored.generation)
                .put("lastTransitionTime", BindingView.time(stored.changedAt)).put("reason", reason)
                .put("message", message);
    }

    private static ObjectNode environment(String namespace, String name, boolean production) {
        ObjectNode environment = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Environment");
        environment.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode spec = environment.putObject("spec");
        spec.putObject("dataPlaneRef").put("kind", "DataPlane").put("name", "default");
        spec.put("isProduction", production);
        environment.putObject("status");
        return environment;
    }

    private static ObjectNode pipeline(String namespace, String name, Map<String, List<String>> paths) {
        ObjectNode pipeline = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1")
                .put("kind", "DeploymentPipeline");
        pipeline.putObject("metadata").put("name", name).put("namespace", namespace);
        ArrayNode promotionPaths = pipeline.putObject("spec").putArray("promotionPaths");
        paths.forEach((source, targets) -> {
            ObjectNode path = promotionPaths.addObject();
            path.putObject("sourceEnvironmentRef").put("kind", "Environment").put("name", source);
            ArrayNode refs = path.putArray("targetEnvironmentRefs");
            targets.forEach(t -> refs.addObject().put("kind", "Environment").put("name", t));
        });
        pipeline.putObject("status");
        return pipeline;
    }

    /** A request body as the handlers read it: a JSON object whose namespace, if any, is the path's; else a 400. */
    private record Body(ObjectNode doc, Reply error) {
        static Body read(String namespace, String body) {
            ObjectNode doc;
            try {
                doc = WorkloadApi.parse(body);
            } catch (JsonProcessingException e) {
                return new Body(null, Reply.error(400, "BAD_REQUEST", "Invalid request body"));
            }
            String bodyNamespace = doc.path("metadata").path("namespace").asText("");
            if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
                return new Body(null, Reply.error(400, "BAD_REQUEST", "Namespace in body does not match path"));
            }
            return new Body(doc, null);
        }
    }

    /** A written binding: what the server keeps, its generation, and when its spec last changed. */
    private static final class Stored {
        final ObjectNode doc;
        long generation = 1;
        Instant changedAt;
        ObjectNode statusBefore = Json.object();

        Stored(ObjectNode doc) {
            this.doc = doc;
        }
    }
}
