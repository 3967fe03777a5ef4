package io.jenkins.plugins.openchoreo.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only routes that follow a deploy after the Workload write: the component (its latest
 * release), its ReleaseBindings (one per environment), one binding by name, and a binding's live
 * resources under {@code …/releasebindings/{name}/k8sresources/{tree,events,logs}} (OpenChoreo has
 * no {@code …/releasebindings/{name}/events} or {@code …/logs}). They need view permissions that
 * OpenChoreo's CI role lacks: reads of one object answer 403 without them, while the binding list
 * leaves out what the caller may not view (200, no items).
 */
public final class RolloutClient {

    private final ApiCaller caller;

    public RolloutClient(ApiCaller caller) {
        this.caller = caller;
    }

    /** The masker this client's calls use, for text made from what they return. */
    public SecretMasker masker() {
        return caller.masker();
    }

    public JsonNode component(String namespace, String component) {
        return caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "components", component), null);
    }

    /** The component's bindings the caller may view (the server leaves out the others). */
    public List<JsonNode> bindings(String namespace, String component) {
        ApiPaths.name("component", component, 63);
        JsonNode body = caller.json("GET", ApiPaths.withQuery(ApiPaths.namespaced(caller.apiUrl(), namespace,
                "releasebindings", null), "component", component), null);
        List<JsonNode> items = new ArrayList<>();
        body.path("items").forEach(items::add);
        return items;
    }

    /** One binding; 404 when it does not exist, then 403 when the caller lacks releasebinding:view. */
    public JsonNode binding(String namespace, String binding) {
        return caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "releasebindings", binding), null);
    }

    /** The live resources of the binding's releases ({@code K8sResourceTreeResponse}), pods included. */
    public JsonNode resourceTree(String namespace, String binding) {
        return caller.json("GET", resources(namespace, binding, "tree"), null);
    }

    /** The events of one resource of the tree ({@code ResourceEvent}s, oldest first); group "" for core kinds. */
    public List<JsonNode> events(String namespace, String binding, String group, String version, String kind,
            String name) {
        JsonNode body = caller.json("GET", ApiPaths.withQuery(resources(namespace, binding, "events"),
                "group", group == null || group.isEmpty() ? null : group, "version", version, "kind", kind,
                "name", name), null);
        List<JsonNode> events = new ArrayList<>();
        body.path("events").forEach(events::add);
        return events;
    }

    /**
     * A pod's recent log lines, masked: the application's output may hold its secrets, and the
     * secrets this engine knows are taken out.
     */
    public List<String> logs(String namespace, String binding, String podName, long sinceSeconds) {
        JsonNode body = caller.json("GET", ApiPaths.withQuery(resources(namespace, binding, "logs"), "podName",
                podName, "sinceSeconds", String.valueOf(sinceSeconds)), null);
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : body.path("logEntries")) {
            lines.add(caller.masker().mask(entry.path("log").asText("")));
        }
        return lines;
    }

    private URI resources(String namespace, String binding, String what) {
        return URI.create(ApiPaths.namespaced(caller.apiUrl(), namespace, "releasebindings", binding) + "/k8sresources/"
                + what);
    }
}
