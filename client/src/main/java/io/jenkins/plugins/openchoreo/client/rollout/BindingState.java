package io.jenkins.plugins.openchoreo.client.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one read of a ReleaseBinding says, reduced to what decides "Ready for this release" and
 * what a person needs. Only fields OpenChoreo's API returns are read: its {@code metadata} has no
 * {@code generation}.
 *
 * <p>The readiness rule rests on OpenChoreo's binding controller,
 * {@code internal/controller/releasebinding/controller.go} and {@code controller_status.go} at
 * ad3f5030fcfd76172beb3d7c97a459d73368840b. At the start of every reconcile it sets
 * {@code status.observedGeneration} to the binding's generation (and {@code lastSpecUpdateTime} to
 * now when they differed); every condition it marks in that reconcile carries the same
 * {@code observedGeneration}; the status is written once, at the end. When the component controller
 * points the binding at a new release ({@code spec.releaseName}), the generation grows, but until the
 * next reconcile the status (Ready included) is still the previous release's. That reconcile's first
 * pass updates the RenderedRelease and returns before evaluating resources, so {@code ResourcesReady}
 * keeps the previous observedGeneration while {@code Ready} (marked in a deferred function from the
 * sub-conditions) gets the new one. So a binding is Ready for release R when:
 * <ol>
 * <li>{@code spec.releaseName} is R;</li>
 * <li>{@code status.observedGeneration} is greater than the one the binding had when it was last
 *     seen naming another release (before the Workload write, or while waiting): the controller has
 *     reconciled the switch to R (at least 1 for a binding never seen before);</li>
 * <li>each of ReleaseSynced, ResourcesReady, ConnectionsResolved, ResourceDependenciesReady and
 *     Ready that is present and carries an {@code observedGeneration} carries that same value: no
 *     sub-condition is a leftover of the previous release;</li>
 * <li>{@code Ready} is True.</li>
 * </ol>
 */
record BindingState(String name, String environment, String release, long observedGeneration,
        String lastSpecUpdateTime, Map<String, Condition> conditions, List<EndpointUrl> endpoints) {

    /** The conditions the controller computes Ready from, and Ready itself. */
    private static final Set<String> DECIDING = Set.of("ReleaseSynced", "ResourcesReady", "ConnectionsResolved",
            "ResourceDependenciesReady", "Ready");

    static BindingState of(JsonNode binding) {
        JsonNode status = binding.path("status");
        Map<String, Condition> conditions = new LinkedHashMap<>();
        for (JsonNode condition : status.path("conditions")) {
            JsonNode generation = condition.path("observedGeneration");
            conditions.put(condition.path("type").asText(), new Condition(condition.path("status").asText("Unknown"),
                    condition.path("reason").asText(""), condition.path("message").asText(""),
                    generation.canConvertToLong() ? generation.asLong() : -1));
        }
        List<EndpointUrl> endpoints = new ArrayList<>();
        status.path("endpoints").forEach(endpoint -> endpoints.add(EndpointUrl.of(endpoint)));
        return new BindingState(binding.path("metadata").path("name").asText(""),
                binding.path("spec").path("environment").asText(""),
                binding.path("spec").path("releaseName").asText(""),
                status.path("observedGeneration").asLong(0), status.path("lastSpecUpdateTime").asText(""), conditions,
                endpoints);
    }

    /** Ready for {@code wanted}, given the observedGeneration it had while it named another release (or 0). */
    boolean readyFor(String wanted, long generationBefore) {
        Condition ready = conditions.get("Ready");
        return wanted.equals(release) && caughtUp(generationBefore) && current() && ready != null
                && "True".equals(ready.status());
    }

    /** Whether the controller has reconciled the spec that names this release. */
    boolean caughtUp(long generationBefore) {
        return observedGeneration > Math.max(0, generationBefore);
    }

    /** Whether no condition that decides Ready is left over from an older generation. */
    boolean current() {
        return conditions.entrySet().stream().filter(e -> DECIDING.contains(e.getKey()))
                .allMatch(e -> e.getValue().observedGeneration() < 0
                        || e.getValue().observedGeneration() == observedGeneration);
    }

    /** One line for the log while waiting for {@code wanted}; equal lines mean nothing worth reporting changed. */
    String describe(String wanted, long generationBefore) {
        Condition ready = conditions.get("Ready");
        String state = !wanted.equals(release) ? "" : !caughtUp(generationBefore)
                ? ", not yet reconciled by the controller"
                : !current() ? ", resources not yet evaluated for this release" : "";
        return "environment " + environment + ": release " + (release.isEmpty() ? "(none yet)" : release) + state
                + ", Ready=" + (ready == null ? "Unknown" : ready.status() + (ready.reason().isEmpty() ? ""
                        : " (" + ready.reason() + (ready.message().isEmpty() ? "" : ": " + ready.message()) + ")"));
    }

    /** A condition as the API reports it; {@code observedGeneration} is -1 when the server sent none. */
    record Condition(String status, String reason, String message, long observedGeneration) {
    }
}
