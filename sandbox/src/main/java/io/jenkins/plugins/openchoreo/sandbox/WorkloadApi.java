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
    private final Map<String, Map<String, String>> components = new HashMap<>(); // ns → component → project
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

    void addComponent(String namespace, String project, String component) {
        synchronized (lock) {
            components.computeIfAbsent(namespace, n -> new HashMap<>()).put(component, project);
        }
        promotions.addProject(namespace, project);
    }

    /** The project owning a component, or null when the component does not exist. */
    String projectOf(String namespace, String component) {
        synchronized (lock) {
            return components.getOrDefault(namespace, Map.of()).get(component);
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
        rollouts.written(namespace, copy.path("spec"), true);
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

    /** Answers one API route; {@code segments} is the path split at '/'. */
    Reply handle(Route route, List<String> segments, Map<String, String> query, String body) {
        String namespace = segments.size() > 3 ? segments.get(3) : null;
        String name = segments.size() > 5 ? segments.get(5) : null;
        return switch (route) {
            case NAMESPACE_LIST -> namespaces();
            case COMPONENT_GET -> component(namespace, name);
            case WORKLOAD_LIST -> list(namespace, query);
            case WORKLOAD_GET -> get(namespace, name);
            case WORKLOAD_CREATE -> create(namespace, body);
            case WORKLOAD_UPDATE -> update(namespace, name, body);
            case WORKFLOWRUN_GET -> workflowRun(namespace, name).map(r -> Reply.json(200, r))
                    .orElseGet(() -> Reply.error(404, "NOT_FOUND", "WorkflowRun not found"));
            case WORKFLOWRUN_UPDATE -> updateRun(namespace, name, body);
            case RELEASEBINDING_LIST -> {
                ObjectNode list = Json.object();
                ArrayNode items = list.putArray("items");
                String component = query.getOrDefault("component", "");
                rollouts.bindings(namespace, component).forEach(items::add);
                promotions.bindings(namespace, component).forEach(items::add);
                list.putObject("pagination");
                yield Reply.json(200, list);
            }
            case RELEASEBINDING_GET -> found(promotions.binding(namespace, name).or(() -> rollouts.binding(namespace,
                    name)), "ReleaseBinding");
            case RELEASEBINDING_CREATE -> promotions.create(namespace, body, this::projectOf,
                    binding -> rollouts.binding(namespace, binding).isPresent());
            case RELEASEBINDING_UPDATE -> rollouts.binding(namespace, name).isPresent()
                    && promotions.binding(namespace, name).isEmpty()
                    ? Reply.error(500, "INTERNAL_ERROR", "sandbox: the auto-deployed binding of the first "
                            + "environment is the sandbox's own and cannot be replaced")
                    : promotions.update(namespace, name, body);
            case PROJECT_GET -> promotions.project(namespace, name);
            case DEPLOYMENTPIPELINE_GET -> promotions.pipeline(namespace, name);
            case ENVIRONMENT_LIST -> promotions.environments(namespace);
            case ENVIRONMENT_GET -> promotions.environment(namespace, name);
            case COMPONENTRELEASE_GET -> promotions.componentRelease(namespace, name);
            case RELEASEBINDING_EVENTS -> found(rollouts.events(namespace, name), "ReleaseBinding");
            case RELEASEBINDING_LOGS -> found(rollouts.logs(namespace, name), "ReleaseBinding");
            default -> Reply.pageNotFound();
        };
    }

    private static Reply found(Optional<ObjectNode> body, String kind) {
        return body.map(b -> Reply.json(200, b)).orElseGet(() -> Reply.error(404, "NOT_FOUND", kind + " not found"));
    }

    private Reply namespaces() {
        ArrayNode items = Json.MAPPER.createArrayNode();
        synchronized (lock) {
            namespaceNames().stream().sorted().forEach(n -> items.addObject().putObject("metadata").put("name", n));
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

    private Reply component(String namespace, String name) {
        synchronized (lock) {
            String project = components.getOrDefault(namespace, Map.of()).get(name);
            if (project == null) {
                return Reply.error(404, "NOT_FOUND", "Component not found");
            }
            ObjectNode body = Json.object();
            body.putObject("metadata").put("name", name).put("namespace", namespace);
            body.putObject("spec").putObject("owner").put("projectName", project);
            ObjectNode status = rollouts.componentStatus(namespace, name);
            body.set("status", status == null ? Json.object() : status);
            return Reply.json(200, body);
        }
    }

    private Reply list(String namespace, Map<String, String> query) {
        int limit = clamp(query.get("limit"));
        String component = query.get("component");
        Map<String, String> selector = selector(query.get("labelSelector"));
        String after = query.get("cursor") == null ? null
                : new String(Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8);
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (lock) {
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
            String project = components.getOrDefault(namespace, Map.of()).get(owner.path("componentName").asText());
            if (project == null || !project.equals(owner.path("projectName").asText())) {
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
            rollouts.written(namespace, stored.path("spec"), false);
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
            rollouts.written(namespace, stored.path("spec"), false);
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
        metadata.put("generation", old.path("generation").asLong(0) + 1);
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
