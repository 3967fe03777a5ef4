package io.jenkins.plugins.openchoreo.client.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON mapper of the engine, and the few conversions it needs. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Compact JSON bytes (what goes over the wire and into the WorkflowRun annotation). */
    public static byte[] bytes(JsonNode node) {
        return compact(node).getBytes(StandardCharsets.UTF_8);
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A result map of plain values as a JSON object: lists become arrays of strings (or of objects,
     * for lists of maps), the rest JSON values. What the CLI prints for a result's {@code toMap()}.
     */
    public static ObjectNode ofPlainMap(java.util.Map<String, Object> map) {
        ObjectNode json = object();
        map.forEach((key, value) -> {
            if (value instanceof java.util.List<?> list) {
                com.fasterxml.jackson.databind.node.ArrayNode array = json.putArray(key);
                list.forEach(item -> array.add(item instanceof java.util.Map<?, ?> ? MAPPER.valueToTree(item)
                        : array.textNode(String.valueOf(item))));
            } else {
                json.set(key, MAPPER.valueToTree(value));
            }
        });
        return json;
    }

    /**
     * {@link #ofPlainMap(java.util.Map)} and one more field: the document a result wrote (a Workload,
     * a ReleaseBinding) as JSON, or as its text should that not parse. What the CLI prints for a
     * result with {@code --output json}.
     */
    public static ObjectNode ofPlainMap(java.util.Map<String, Object> map, String documentKey, String documentJson) {
        ObjectNode json = ofPlainMap(map);
        try {
            json.set(documentKey, MAPPER.readTree(documentJson));
        } catch (IOException e) {
            json.put(documentKey, documentJson);
        }
        return json;
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
