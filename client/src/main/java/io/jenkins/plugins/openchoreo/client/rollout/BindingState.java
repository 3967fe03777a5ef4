package io.jenkins.plugins.openchoreo.client.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What one poll of a ReleaseBinding says, reduced to what decides "ready" and what a person needs. */
record BindingState(String name, String environment, String release, long generation, long observedGeneration,
        String ready, String reason, String message, List<EndpointUrl> endpoints) {

    static BindingState of(JsonNode binding) {
        JsonNode readyCondition = null;
        for (JsonNode condition : binding.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                readyCondition = condition;
            }
        }
        List<EndpointUrl> endpoints = new ArrayList<>();
        for (JsonNode endpoint : binding.path("status").path("endpoints")) {
            // openapi.yaml: externalURLs is EndpointGatewayURLs {http, https, tls} of EndpointURL objects.
            List<String> external = new ArrayList<>();
            for (String listener : List.of("https", "http", "tls")) {
                JsonNode url = endpoint.path("externalURLs").path(listener);
                if (url.path("host").isTextual()) {
                    external.add(url.path("scheme").asText(listener) + "://" + url.path("host").asText()
                            + (url.path("port").isNumber() ? ":" + url.path("port").asInt() : "")
                            + url.path("path").asText(""));
                }
            }
            endpoints.add(new EndpointUrl(endpoint.path("name").asText(), endpoint.path("type").asText(""),
                    endpoint.path("invokeURL").asText(""), external));
        }
        return new BindingState(binding.path("metadata").path("name").asText(),
                binding.path("spec").path("environment").asText(""), binding.path("spec").path("releaseName").asText(""),
                binding.path("metadata").path("generation").asLong(0),
                binding.path("status").path("observedGeneration").asLong(-1),
                readyCondition == null ? "Unknown" : readyCondition.path("status").asText("Unknown"),
                readyCondition == null ? "" : readyCondition.path("reason").asText(""),
                readyCondition == null ? "" : readyCondition.path("message").asText(""), endpoints);
    }

    /** Ready for this release: bound to it, caught up with its own spec, and Ready=True. */
    boolean readyFor(String wanted) {
        return wanted.equals(release) && observedGeneration >= generation && "True".equals(ready);
    }

    /** One line for the log; equal lines mean nothing worth reporting changed. */
    String describe() {
        return "environment " + environment + ": release " + (release.isEmpty() ? "(none yet)" : release)
                + (observedGeneration < generation ? ", not yet observed by the controller" : "")
                + ", Ready=" + ready + (reason.isEmpty() ? "" : " (" + reason + (message.isEmpty() ? "" : ": "
                + message) + ")");
    }
}
