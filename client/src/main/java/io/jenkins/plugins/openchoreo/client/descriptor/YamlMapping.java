package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A YAML mapping read the way OpenChoreo reads a descriptor: keys match case-insensitively, and a
 * key it does not know is reported (a warning or an error, as {@link Problems} decides) and
 * otherwise ignored. Knows the path of every value, for messages like {@code endpoints[0].port}.
 */
final class YamlMapping {

    private final String path;
    private final Problems problems;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    private YamlMapping(String path, Problems problems) {
        this.path = path;
        this.problems = problems;
    }

    /** The mapping with only the known keys (spelled the canonical way), or empty when the node is not a mapping. */
    static Optional<YamlMapping> of(JsonNode node, String path, Problems problems, String... knownKeys) {
        if (entries(node, path, problems).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String key : knownKeys) {
            canonical.put(key.toLowerCase(Locale.ROOT), key);
        }
        YamlMapping mapping = new YamlMapping(path, problems);
        node.properties().forEach(entry -> {
            String key = canonical.get(entry.getKey().toLowerCase(Locale.ROOT));
            if (key == null) {
                problems.unknownKey(child(path, entry.getKey()), String.join(", ", knownKeys));
            } else {
                mapping.values.put(key, entry.getValue());
            }
        });
        return Optional.of(mapping);
    }

    /** The path of a key of this mapping. */
    String path(String key) {
        return child(path, key);
    }

    /** Whether the key has a value (a key written without a value, or with "", counts as absent). */
    boolean has(String key) {
        JsonNode value = values.get(key);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    /** The value, or a missing node. */
    JsonNode node(String key) {
        return has(key) ? values.get(key) : MissingNode.getInstance();
    }

    /** Every known key written, with its value (a null node when written without one). */
    Map<String, JsonNode> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The entries of a free-form mapping (keys as written), or empty when the node is not a mapping. */
    static Optional<Map<String, JsonNode>> entries(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.error(path, "must be a mapping (key: value), not " + describe(node));
            return Optional.empty();
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        node.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        return Optional.of(entries);
    }

    /** A scalar as text (numbers and booleans too), null when absent; a list or mapping is an error. */
    String text(String key) {
        JsonNode node = node(key);
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.isValueNode()) {
            problems.error(path(key), "must be a single value, not " + describe(node));
            return null;
        }
        return node.asText();
    }

    /** A nested mapping, empty when absent or not a mapping (the latter reported). */
    Optional<YamlMapping> mapping(String key, String... knownKeys) {
        return has(key) ? of(node(key), path(key), problems, knownKeys) : Optional.empty();
    }

    /** One element of a list and its path, e.g. {@code endpoints[2]}. */
    record Item(JsonNode node, String path) {}

    /** Reads each item of a list as a mapping with the given keys; returns how many items the list has. */
    static int forEachMapping(JsonNode list, String path, Problems problems, Consumer<YamlMapping> action,
            String... knownKeys) {
        List<Item> items = items(list, path, problems);
        for (Item item : items) {
            of(item.node(), item.path(), problems, knownKeys).ifPresent(action);
        }
        return items.size();
    }

    static List<Item> items(JsonNode node, String path, Problems problems) {
        List<Item> items = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(new Item(node.get(i), path + "[" + i + "]"));
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            problems.error(path, "must be a list (- item), not " + describe(node));
        }
        return items;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isArray() ? "a list" : "the value \"" + Names.printable(node.asText()) + "\"";
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
