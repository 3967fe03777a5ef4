package io.jenkins.plugins.openchoreo.client.promote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DeploymentPipeline's promotion paths ({@code spec.promotionPaths[]}: a
 * {@code sourceEnvironmentRef.name} and its {@code targetEnvironmentRefs[].name}), as the map
 * source → targets. Several paths with one source add up, as OpenChoreo's CLI reads them.
 */
record PromotionPaths(String pipeline, Map<String, Set<String>> targets) {

    PromotionPaths {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        targets.forEach((source, to) -> copy.put(source, Set.copyOf(new LinkedHashSet<>(to))));
        targets = java.util.Collections.unmodifiableMap(copy);
    }

    static PromotionPaths of(JsonNode pipeline) {
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (JsonNode path : pipeline.path("spec").path("promotionPaths")) {
            String source = path.path("sourceEnvironmentRef").path("name").asText("");
            if (source.isEmpty()) {
                continue;
            }
            Set<String> to = targets.computeIfAbsent(source, s -> new LinkedHashSet<>());
            for (JsonNode target : path.path("targetEnvironmentRefs")) {
                String name = target.path("name").asText("");
                if (!name.isEmpty()) {
                    to.add(name);
                }
            }
        }
        return new PromotionPaths(pipeline.path("metadata").path("name").asText(""), targets);
    }

    boolean allows(String from, String to) {
        return targets.getOrDefault(from, Set.of()).contains(to);
    }

    /** The environments {@code from} promotes to, sorted. */
    List<String> targetsOf(String from) {
        return targets.getOrDefault(from, Set.of()).stream().sorted().toList();
    }

    /** The environments that promote to {@code to}, sorted. */
    List<String> sourcesOf(String to) {
        List<String> sources = new ArrayList<>();
        targets.forEach((source, set) -> {
            if (set.contains(to)) {
                sources.add(source);
            }
        });
        return sources.stream().sorted().toList();
    }

    /** Why {@code from → to} is refused: what {@code from} may promote to, and what may promote to {@code to}. */
    String refusal(String from, String to) {
        if (targets.isEmpty()) {
            return "DeploymentPipeline " + pipeline + " has no promotion paths";
        }
        List<String> allowed = targetsOf(from);
        List<String> sources = sourcesOf(to);
        return "DeploymentPipeline " + pipeline + " has no promotion path " + from + " → " + to + "; "
                + (allowed.isEmpty() ? from + " promotes to no environment"
                        : "allowed targets from " + from + ": " + String.join(", ", allowed))
                + (sources.isEmpty() ? "; no environment promotes to " + to
                        : "; " + to + " is promoted to from: " + String.join(", ", sources));
    }
}
