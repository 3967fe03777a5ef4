package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a descriptor or the step's arguments add to a Workload: env, files, endpoints and
 * dependencies, each entry keyed the way OpenChoreo identifies it. Immutable; entries are copied
 * in and out, so no caller can change one.
 */
public final class WorkloadOverlay {

    private static final WorkloadOverlay EMPTY = new Builder().build();

    private final Map<EntryKind, Map<String, ObjectNode>> entries;

    private WorkloadOverlay(Map<EntryKind, Map<String, ObjectNode>> entries) {
        this.entries = entries;
    }

    public static WorkloadOverlay empty() {
        return EMPTY;
    }

    /** Env entries by key. */
    public Map<String, ObjectNode> env() {
        return copy(EntryKind.ENV);
    }

    /** File entries by key. */
    public Map<String, ObjectNode> files() {
        return copy(EntryKind.FILES);
    }

    /** Endpoints by name. */
    public Map<String, ObjectNode> endpoints() {
        return copy(EntryKind.ENDPOINTS);
    }

    /** Dependency endpoints, in order (each unique by component, name and project). */
    public List<ObjectNode> dependencyEndpoints() {
        return List.copyOf(copy(EntryKind.DEPENDENCY_ENDPOINTS).values());
    }

    /** Dependency resources by ref. */
    public Map<String, ObjectNode> dependencyResources() {
        return copy(EntryKind.DEPENDENCY_RESOURCES);
    }

    public boolean isEmpty() {
        return entries.values().stream().allMatch(Map::isEmpty);
    }

    /** This overlay on top of {@code lower}: where both have an entry with the same identity, this one's wins. */
    public WorkloadOverlay over(WorkloadOverlay lower) {
        Builder merged = new Builder();
        for (WorkloadOverlay layer : List.of(lower, this)) {
            layer.entries.forEach((kind, byKey) -> byKey.forEach((key, entry) -> merged.put(kind, key, entry)));
        }
        return merged.build();
    }

    /**
     * A copy of a Workload document with this overlay merged in: an entry with the same identity is
     * replaced whole, a new one is appended after the existing ones, and nothing else changes.
     */
    public ObjectNode applyTo(ObjectNode workloadDoc) {
        ObjectNode doc = workloadDoc.deepCopy();
        entries.forEach((kind, byKey) -> {
            if (byKey.isEmpty()) {
                return;
            }
            ObjectNode holder = kind.holder(doc);
            if (kind == EntryKind.ENDPOINTS) {
                ObjectNode endpoints = Workload.object(holder, kind.field());
                byKey.forEach((name, endpoint) -> endpoints.set(name, endpoint.deepCopy()));
            } else {
                holder.set(kind.field(), mergedList(kind, holder.get(kind.field()), byKey, holder.arrayNode()));
            }
        });
        return doc;
    }

    private static ArrayNode mergedList(EntryKind kind, JsonNode existing, Map<String, ObjectNode> byKey,
            ArrayNode merged) {
        Set<String> placed = new HashSet<>();
        if (existing != null && existing.isArray()) {
            for (JsonNode entry : existing) {
                String key = kind.keyOf(entry);
                boolean replaced = byKey.containsKey(key);
                merged.add(replaced ? byKey.get(key).deepCopy() : entry);
                if (replaced) {
                    placed.add(key);
                }
            }
        }
        byKey.forEach((key, entry) -> {
            if (!placed.contains(key)) {
                merged.add(entry.deepCopy());
            }
        });
        return merged;
    }

    private Map<String, ObjectNode> copy(EntryKind kind) {
        Map<String, ObjectNode> copy = new LinkedHashMap<>();
        entries.get(kind).forEach((key, entry) -> copy.put(key, entry.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkloadOverlay that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Collects entries; a later entry with the same identity replaces an earlier one in place. */
    static final class Builder {
        private final Map<EntryKind, Map<String, ObjectNode>> entries = new EnumMap<>(EntryKind.class);

        Builder() {
            for (EntryKind kind : EntryKind.values()) {
                entries.put(kind, new LinkedHashMap<>());
            }
        }

        /** Adds an entry identified by its content; true when it replaced one. */
        boolean add(EntryKind kind, ObjectNode entry) {
            return put(kind, kind.keyOf(entry), entry);
        }

        /** Adds an entry under a key; true when it replaced one. */
        boolean put(EntryKind kind, String key, ObjectNode entry) {
            return entries.get(kind).put(key, entry.deepCopy()) != null;
        }

        WorkloadOverlay build() {
            Map<EntryKind, Map<String, ObjectNode>> frozen = new EnumMap<>(EntryKind.class);
            entries.forEach((kind, byKey) -> frozen.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(byKey))));
            return new WorkloadOverlay(frozen);
        }
    }
}
