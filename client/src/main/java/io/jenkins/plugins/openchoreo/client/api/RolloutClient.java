package io.jenkins.plugins.openchoreo.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.auth.TokenSource;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only routes that follow a deploy after the Workload write: the component (its latest
 * release), its ReleaseBindings (one per environment), and a binding's events and logs. They need
 * view permissions that OpenChoreo's CI role lacks, so callers expect 403s.
 */
public final class RolloutClient {

    private final URI apiUrl;
    private final ApiCaller caller;

    public RolloutClient(URI apiUrl, Transport transport, Retrier retrier, TokenSource tokens, SecretMasker masker,
            CallObserver observer) {
        this.apiUrl = apiUrl;
        this.caller = new ApiCaller(transport, retrier, tokens, masker, observer);
    }

    public JsonNode component(String namespace, String component) {
        return caller.json("GET", ApiPaths.namespaced(apiUrl, namespace, "components", component), null);
    }

    public List<JsonNode> bindings(String namespace, String component) {
        ApiPaths.name("component", component, 63);
        JsonNode body = caller.json("GET", ApiPaths.withQuery(ApiPaths.namespaced(apiUrl, namespace,
                "releasebindings", null), "component", component), null);
        List<JsonNode> items = new ArrayList<>();
        body.path("items").forEach(items::add);
        return items;
    }

    /** The binding's events as one line each, oldest first. */
    public List<String> events(String namespace, String binding) {
        JsonNode body = caller.json("GET", sub(namespace, binding, "events"), null);
        List<String> lines = new ArrayList<>();
        for (JsonNode event : body.path("items")) {
            lines.add(event.path("type").asText("Event") + " " + event.path("reason").asText("") + ": "
                    + event.path("message").asText(""));
        }
        return lines;
    }

    /** The binding's recent log lines (servers write them as objects with a log field, or as plain strings). */
    public List<String> logs(String namespace, String binding, int sinceSeconds) {
        JsonNode body = caller.json("GET", ApiPaths.withQuery(sub(namespace, binding, "logs"), "sinceSeconds",
                String.valueOf(sinceSeconds)), null);
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : body.path("logs")) {
            lines.add(entry.isTextual() ? entry.asText() : entry.path("log").asText(entry.path("message").asText("")));
        }
        return lines;
    }

    private URI sub(String namespace, String binding, String what) {
        URI base = ApiPaths.namespaced(apiUrl, namespace, "releasebindings", binding);
        return URI.create(base + "/" + what);
    }
}
