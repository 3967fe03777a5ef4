package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The OpenChoreo API's Workload, WorkflowRun, component and namespace routes over in-memory
 * state, answering as the real handlers do (see the project's openchoreo-api.md).
 */
final class WorkloadApi {

    static final String LABEL_PROJECT = "openchoreo.dev/project";
    static final String LABEL_COMPONENT = "openchoreo.dev/component";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Object lock = new Object();
    private final Map<String, Map<String, Component>> components = new HashMap<>(); // ns → name → component
    private final Map<String, TreeMap<String, ObjectNode>> workloads = new HashMap<>();
    private final Map<String, Map<String, ObjectNode>> runs = new HashMap<>();
    private final Set<String> updating = new HashSet<>();
    private final Rollouts rollouts;
    private final Promotions promotions;

    WorkloadApi(Rollouts rollouts, Promotions promotions) {
        this.rollouts = rollouts;
        this.promotions = promotions;
    }

    void reset() {
        synchronized (lock) {
            components.clear();
            workloads.clear();
            runs.clear();
            updating.clear();
        }
        rollouts.reset();
        promotions.reset();
    }

    void addComponent(String namespace, String project, String component, boolean autoDeploy) {
        synchronized (lock) {
            components.computeIfAbsent(namespace, n -> new HashMap<>()).put(component,
                    new Component(project, autoDeploy));
        }
        promotions.addProject(namespace, project);
    }

    /** The project owning a component, or null when the component does not exist. */
    String projectOf(String namespace, String component) {
        synchronized (lock) {
            Component found = components.getOrDefault(namespace, Map.of()).get(component);
            return found == null ? null : found.project();
        }
    }

    /** A component: its project, and whether a Workload change releases and binds it (spec.autoDeploy). */
    private record Component(String project, boolean autoDeploy) {
    }

    /** Only an auto-deploying component gets a ComponentRelease and a ReleaseBinding from a Workload change. */
    private void release(String namespace, JsonNode spec, boolean settled) {
        Component component;
        synchronized (lock) {
            component = components.getOrDefault(namespace, Map.of())
                    .get(spec.path("owner").path("componentName").asText());
        }
        if (component == null || component.autoDeploy()) {
            rollouts.written(namespace, spec, settled);
        }
    }

    void putWorkload(String namespace, ObjectNode workload) {
        ObjectNode copy = workload.deepCopy();
        if (copy.path("spec") instanceof ObjectNode spec) {
            CrdRules.applyDefaults(spec); // as if it had been written through the API
        }
        String name = copy.path("metadata").path("name").asText();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The Workload has no metadata.name");
        }
        synchronized (lock) {
            store(namespace, name, copy, null);
        }
        release(namespace, copy.path("spec"), true);
    }

    Optional<ObjectNode> workload(String namespace, String name) {
        synchronized (lock) {
            return Optional.ofNullable(workloads.getOrDefault(namespace, new TreeMap<>()).get(name))
                    .map(ObjectNode::deepCopy);
        }
    }

    List<ObjectNode> workloads(String namespace) {
        synchronized (lock) {
            return workloads.getOrDefault(namespace, new TreeMap<>()).values().stream().map(ObjectNode::deepCopy)
                    .toList();
        }
    }

    void putWorkflowRun(String namespace, ObjectNode run) {
        String name = run.path("metadata").path("name").asText();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The WorkflowRun has no metadata.name");
        }
        synchronized (lock) {
            runs.computeIfAbsent(namespace, n -> new HashMap<>()).put(name, run.deepCopy());
        }
    }

    Optional<ObjectNode> workflowRun(String namespace, String name) {
        synchronized (lock) {
            return Optional.ofNullable(runs.getOrDefault(namespace, Map.of()).get(name)).map(ObjectNode::deepCopy);
        }
    }

    /**
     * Answers one API route for a caller with this role; {@code segments} is the path split at '/'.
     * As OpenChoreo's services do, lists leave out what the role may not view, and reads of one
     * object fetch it first: a missing one is a 404 before the permission is checked.
     */
    Reply handle(Route route, List<String> segments, Map<String, String> query, String body, Role role) {
        String namespace = segments.size() > 3 ? segments.get(3) : null;
        String name = segments.size() > 5 ? segments.get(5) : null;
        boolean may = route.action() == null || role.allows(route.action());
        return switch (route) {
            case NAMESPACE_LIST -> namespaces(may);
            case COMPONENT_GET -> component(namespace, name, may);
            case WORKLOAD_LIST -> list(namespace, query, may);
            case WORKLOAD_GET -> guarded(get(namespace, name), may);
            case WORKLOAD_CREATE -> create(namespace, body);
            case WORKLOAD_UPDATE -> workload(namespace, name).isEmpty() || may ? update(namespace, name, body)
                    : Reply.forbidden();
            case WORKFLOWRUN_GET -> guarded(workflowRun(namespace, name).map(r -> Reply.json(200, r))
                    .orElseGet(() -> Reply.notFound("WorkflowRun")), may);
            case WORKFLOWRUN_UPDATE -> updateRun(namespace, name, body);
            case RELEASEBINDING_LIST -> {
                ObjectNode list = Json.object();
                ArrayNode items = list.putArray("items");
                if (may) {
                    rollouts.bindings(namespace, query.getOrDefault("component", "")).forEach(items::add);
                    promotions.bindings(namespace, query.getOrDefault("component", "")).forEach(items::add);
                }
                list.putObject("pagination");
                yield Reply.json(200, list);
            }
            case RELEASEBINDING_GET -> guarded(promotions.binding(namespace, name)
                    .or(() -> rollouts.binding(namespace, name)).map(b -> Reply.json(200, b))
                    .orElseGet(() -> Reply.notFound("ReleaseBinding")), may);
            case RELEASEBINDING_CREATE -> promotions.create(namespace, body, this::projectOf,
                    binding -> rollouts.binding(namespace, binding).isPresent());
            case RELEASEBINDING_UPDATE -> updateBinding(namespace, name, body, may);
            case PROJECT_GET -> guarded(promotions.project(namespace, name), may);
            case DEPLOYMENTPIPELINE_GET -> guarded(promotions.pipeline(namespace, name), may);
            case ENVIRONMENT_LIST -> promotions.environments(namespace, may);
            case ENVIRONMENT_GET -> guarded(promotions.environment(namespace, name), may);
            case COMPONENTRELEASE_GET -> guarded(promotions.componentRelease(namespace, name), may);
            case K8S_TREE, K8S_EVENTS, K8S_LOGS -> rollouts.binding(namespace, name).isEmpty()
                    ? Reply.notFound("ReleaseBinding") : may ? rollouts.resources(namespace, name, route, query)
                    : Reply.forbidden();
            default -> Reply.pageNotFound();
        };
    }

    /**
     * {@code PUT …/releasebindings/{name}}: the service fetches the binding first (404), then checks
     * the permission. The first environment's auto-deployed binding is the sandbox's own timeline
     * ({@link Rollouts}) and cannot be replaced here: a sandbox limit, said as such.
     */
    private Reply updateBinding(String namespace, String name, String body, boolean may) {
        boolean stored = promotions.binding(namespace, name).isPresent();
        if (!stored && rollouts.binding(namespace, name).isEmpty()) {
            return Reply.notFound("ReleaseBinding");
        }
        if (!may) {
            return Reply.forbidden();
        }
        return stored ? promotions.update(namespace, name, body) : Reply.error(500, "INTERNAL_ERROR",
                "sandbox: the auto-deployed binding of the first environment cannot be replaced in the sandbox");
    }

    /** A found object's answer, or the 403 when the caller may not view it; a 404 stays a 404. */
    private static Reply guarded(Reply found, boolean may) {
        return found.status() == 200 && !may ? Reply.forbidden() : found;
    }

    private Reply namespaces(boolean may) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        synchronized (lock) {
            if (may) {
                namespaceNames().stream().sorted().forEach(n -> items.addObject().putObject("metadata")
                        .put("name", n));
            }
        }
        ObjectNode body = Json.object();
        body.set("items", items);
        body.putObject("pagination");
        return Reply.json(200, body);
    }

    private Set<String> namespaceNames() {
        Set<String> names = new HashSet<>(components.keySet());
        names.addAll(workloads.keySet());
        names.addAll(runs.keySet());
        return names;
    }

    private Reply component(String namespace, String name, boolean may) {
        Component component;
        synchronized (lock) {
            component = components.getOrDefault(namespace, Map.of()).get(name);
        }
        if (component == null) {
            return Reply.notFound("Component");
        }
        if (!may) {
            return Reply.forbidden();
        }
        ObjectNode body = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Component");
        body.putObject("metadata").put("name", name).put("namespace", namespace)
                .put("uid", "00000000-0000-4000-8000-00" + Rollouts.hash("component/" + namespace + "/" + name));
        ObjectNode spec = body.putObject("spec");
        spec.putObject("owner").put("projectName", component.project());
        spec.putObject("componentType").put("kind", "ClusterComponentType").put("name", "deployment/service");
        spec.put("autoDeploy", component.autoDeploy());
        ObjectNode status = body.putObject("status").put("observedGeneration", 1);
        Optional<ObjectNode> latest = rollouts.latestRelease(namespace, name);
        // The component controller's Ready condition (internal/controller/component/controller.go @ad3f503).
        ObjectNode ready = status.putArray("conditions").addObject().put("type", "Ready").put("observedGeneration", 1)
                .put("lastTransitionTime", "2026-08-21T00:00:00Z");
        if (!component.autoDeploy()) {
            ready.put("status", "True").put("reason", "Reconciled").put("message", "Component validated successfully");
        } else if (latest.isPresent()) {
            String release = latest.get().path("name").asText();
            ready.put("status", "True").put("reason", "ComponentReleaseReady").put("message", "ComponentRelease \""
                    + release + "\" and ReleaseBinding \"" + name + "-" + Rollouts.ENVIRONMENT + "\" successfully "
                    + "managed for environment \"" + Rollouts.ENVIRONMENT + "\"");
        } else {
            ready.put("status", "False").put("reason", "WorkloadNotFound").put("message", "Workload for component \""
                    + name + "\" not found");
        }
        latest.ifPresent(l -> status.set("latestRelease", l));
        return Reply.json(200, body);
    }

    private Reply list(String namespace, Map<String, String> query, boolean may) {
        int limit = clamp(query.get("limit"));
        String component = query.get("component");
        Map<String, String> selector = selector(query.get("labelSelector"));
        String after = query.get("cursor") == null ? null
                : new String(Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8);
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (lock) {
            if (!may) {
                return Reply.json(200, Json.object().<ObjectNode>set("items", Json.MAPPER.createArrayNode())
                        .set("pagination", Json.object()));
            }
            for (ObjectNode w : workloads.getOrDefault(namespace, new TreeMap<>()).tailMap(after == null ? "" : after,
                    after == null).values()) {
                if ((component == null || component.equals(w.path("spec").path("owner").path("componentName").asText()))
                        && selector.entrySet().stream().allMatch(e -> e.getValue().equals(
                                w.path("metadata").path("labels").path(e.getKey()).asText(null)))) {
                    matching.add(w.deepCopy());
                }
            }
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        matching.stream().limit(limit).forEach(items::add);
        ObjectNode pagination = body.putObject("pagination");
        if (matching.size() > limit) {
            String last = matching.get(limit - 1).path("metadata").path("name").asText();
            pagination.put("nextCursor", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return Reply.json(200, body);
    }

    private static int clamp(String limit) {
        try {
            return limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limit)));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    private static Map<String, String> selector(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(s -> s.split("=", 2)).filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> kv[0].trim(), kv -> kv[1].trim(), (a, b) -> b));
    }

    private Reply get(String namespace, String name) {
        return workload(namespace, name).map(w -> Reply.json(200, w))
                .orElseGet(() -> Reply.error(404, "NOT_FOUND", "Workload not found"));
    }

    private Reply create(String namespace, String body) {
        ObjectNode doc;
        try {
            doc = parse(body);
        } catch (JsonProcessingException e) {
            return Reply.text(400, "invalid request body: " + e.getOriginalMessage() + "\n");
        }
        String name = doc.path("metadata").path("name").asText();
        JsonNode owner = doc.path("spec").path("owner");
        synchronized (lock) {
            Component component = components.getOrDefault(namespace, Map.of())
                    .get(owner.path("componentName").asText());
            if (component == null || !component.project().equals(owner.path("projectName").asText())) {
                return Reply.error(400, "BAD_REQUEST", "Referenced component not found");
            }
            if (workloads.getOrDefault(namespace, new TreeMap<>()).containsKey(name)) {
                return Reply.error(409, "CONFLICT", "Workload already exists");
            }
            Reply invalid = invalid(name, doc);
            if (invalid != null) {
                return invalid;
            }
            ObjectNode stored = store(namespace, name, accepted(doc), null);
            release(namespace, stored.path("spec"), false);
            return Reply.json(201, stored);
        }
    }

    private Reply update(String namespace, String name, String body) {
        ObjectNode existing = workload(namespace, name).orElse(null);
        if (existing == null) {
            return Reply.error(404, "NOT_FOUND", "Workload not found");
        }
        ObjectNode doc;
        try {
            doc = parse(body);
        } catch (JsonProcessingException e) {
            return Reply.text(400, "invalid request body: " + e.getOriginalMessage() + "\n");
        }
        String key = namespace + "/" + name;
        synchronized (lock) {
            if (!updating.add(key)) {
                // The real server does not retry an optimistic-concurrency conflict on Workloads.
                return Reply.error(500, "INTERNAL_ERROR", "Failed to update workload: the object has been modified");
            }
        }
        try {
            if (!existing.path("spec").path("owner").equals(doc.path("spec").path("owner"))) {
                return Reply.json(422, Json.object().put("error", "Workload.openchoreo.dev \"" + name
                        + "\" is invalid: spec.owner: Invalid value: \"object\": spec.owner is immutable")
                        .put("code", "UNPROCESSABLE_CONTENT"));
            }
            Reply invalid = invalid(name, doc);
            if (invalid != null) {
                return invalid;
            }
            ObjectNode stored;
            synchronized (lock) {
                stored = store(namespace, name, accepted(doc), existing);
            }
            release(namespace, stored.path("spec"), false);
            return Reply.json(200, stored);
        } finally {
            synchronized (lock) {
                updating.remove(key);
            }
        }
    }

    private Reply updateRun(String namespace, String name, String body) {
        ObjectNode doc;
        try {
            doc = parse(body);
        } catch (JsonProcessingException e) {
            return Reply.text(400, "invalid request body: " + e.getOriginalMessage() + "\n");
        }
        synchronized (lock) {
            ObjectNode run = runs.getOrDefault(namespace, Map.of()).get(name);
            if (run == null) {
                return Reply.error(404, "NOT_FOUND", "WorkflowRun not found");
            }
            ObjectNode metadata = (ObjectNode) run.path("metadata");
            for (String field : List.of("labels", "annotations")) {
                metadata.remove(field);
                if (doc.path("metadata").path(field).isObject()) {
                    metadata.set(field, doc.path("metadata").path(field));
                }
            }
            run.set("spec", doc.path("spec").isObject() ? doc.path("spec") : Json.object());
            return Reply.json(200, run.deepCopy());
        }
    }

    static ObjectNode parse(String body) throws JsonProcessingException {
        JsonNode node = Json.MAPPER.readTree(body == null ? "" : body);
        if (!(node instanceof ObjectNode object)) {
            throw new JsonProcessingException("the body is not a JSON object") {
                private static final long serialVersionUID = 1L;
            };
        }
        return object;
    }

    /** The CRD's 422, or null: the message joins every cause with "; ", the details list them. */
    private static Reply invalid(String name, ObjectNode doc) {
        List<CrdRules.Cause> causes = new ArrayList<>();
        if (name.isEmpty()) {
            causes.add(new CrdRules.Cause("metadata.name", "Required value"));
        }
        ObjectNode spec = doc.path("spec") instanceof ObjectNode s ? s.deepCopy() : Json.object();
        CrdRules.prune(spec);
        causes.addAll(CrdRules.validate(spec));
        if (causes.isEmpty()) {
            return null;
        }
        ObjectNode body = Json.object();
        body.put("error", "Workload.openchoreo.dev \"" + name + "\" is invalid: " + causes.stream()
                .map(CrdRules.Cause::toString).collect(Collectors.joining("; ")));
        body.put("code", "UNPROCESSABLE_CONTENT");
        ArrayNode details = body.putArray("details");
        causes.forEach(c -> details.addObject().put("field", c.field()).put("message", c.message()));
        return Reply.json(422, body);
    }

    /** What the server keeps of a body: name, labels, annotations and the pruned spec. */
    private static ObjectNode accepted(ObjectNode doc) {
        ObjectNode kept = Json.object();
        ObjectNode metadata = kept.putObject("metadata");
        for (String field : List.of("labels", "annotations")) {
            if (doc.path("metadata").path(field).isObject()) {
                metadata.set(field, doc.path("metadata").path(field).deepCopy());
            }
        }
        ObjectNode spec = doc.path("spec").deepCopy();
        CrdRules.prune(spec);
        CrdRules.applyDefaults(spec);
        kept.set("spec", spec);
        return kept;
    }

    /** Stores a Workload with the server's metadata and owner labels; callers hold the lock. */
    private ObjectNode store(String namespace, String name, ObjectNode doc, ObjectNode previous) {
        ObjectNode stored = Json.object();
        stored.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Workload");
        ObjectNode metadata = stored.putObject("metadata");
        metadata.put("name", name).put("namespace", namespace);
        JsonNode old = previous == null ? Json.object() : previous.path("metadata");
        metadata.put("uid", old.path("uid").asText(UUID.randomUUID().toString()));
        metadata.put("creationTimestamp", old.path("creationTimestamp").asText(Instant.now().toString()));
        ObjectNode labels = metadata.putObject("labels");
        if (doc.path("metadata").path("labels").isObject()) {
            labels.setAll((ObjectNode) doc.path("metadata").path("labels"));
        }
        JsonNode owner = doc.path("spec").path("owner");
        if (owner.path("projectName").isTextual()) {
            labels.put(LABEL_PROJECT, owner.path("projectName").asText());
        }
        if (owner.path("componentName").isTextual()) {
            labels.put(LABEL_COMPONENT, owner.path("componentName").asText());
        }
        if (doc.path("metadata").path("annotations").isObject()) {
            metadata.set("annotations", doc.path("metadata").path("annotations").deepCopy());
        }
        stored.set("spec", doc.path("spec").isObject() ? doc.path("spec").deepCopy() : Json.object());
        stored.putObject("status");
        workloads.computeIfAbsent(namespace, n -> new TreeMap<>()).put(name, stored);
        return stored.deepCopy();
    }
}
