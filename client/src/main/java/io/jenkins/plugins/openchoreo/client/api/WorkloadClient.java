package io.jenkins.plugins.openchoreo.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The OpenChoreo API calls a deploy needs: Workloads (list by component, get, create, update),
 * WorkflowRuns (get, update), {@code /version} and {@code /health}. Names are validated and
 * encoded before any request; errors arrive as typed exceptions with a hint.
 */
public final class WorkloadClient {

    static final int PAGE_SIZE = 100;
    // A server that keeps sending cursors must not hold a build forever.
    private static final int MAX_PAGES = 1000;

    private final ApiCaller caller;

    public WorkloadClient(ApiCaller caller) {
        this.caller = caller;
    }

    public URI apiUrl() {
        return caller.apiUrl();
    }

    /** Every Workload whose {@code spec.owner.componentName} is the component, all pages. */
    public List<Workload> listByComponent(String namespace, String component) {
        ApiPaths.name("component", component, 63);
        URI collection = ApiPaths.namespaced(caller.apiUrl(), namespace, "workloads", null);
        List<Workload> all = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = caller.json("GET", ApiPaths.withQuery(collection, "component", component, "limit",
                    String.valueOf(PAGE_SIZE), "cursor", cursor), null);
            for (JsonNode item : body.path("items")) {
                all.add(Workload.of(item));
            }
            JsonNode next = body.path("pagination").path("nextCursor");
            if (!next.isTextual() || next.asText().isEmpty() || !seenCursors.add(next.asText())) {
                return all;
            }
            cursor = next.asText();
        }
        return all;
    }

    public Workload get(String namespace, String name) {
        return Workload
                .of(caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "workloads", name), null));
    }

    /** POST: 201 and the created Workload; a 409 arrives as {@code ConflictException}. */
    public Workload create(String namespace, Workload workload) {
        ApiPaths.name("workload", workload.name(), 253);
        return Workload.of(caller.json("POST", ApiPaths.namespaced(caller.apiUrl(), namespace, "workloads", null),
                workload.toJson()));
    }

    /**
     * PUT: replaces spec, labels and annotations with the given ones. A 500 is not retried here:
     * the server answers a concurrent update with it, and the caller must re-read and re-apply.
     */
    public Workload update(String namespace, Workload workload) {
        return Workload
                .of(caller.json("PUT", ApiPaths.namespaced(caller.apiUrl(), namespace, "workloads", workload.name()),
                        workload.toJson(), caller.putPolicy()));
    }

    public ObjectNode getWorkflowRun(String namespace, String name) {
        return (ObjectNode) caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "workflowruns", name),
                null);
    }

    public ObjectNode updateWorkflowRun(String namespace, String name, ObjectNode run) {
        return (ObjectNode) caller.json("PUT", ApiPaths.namespaced(caller.apiUrl(), namespace, "workflowruns", name),
                run);
    }

    /** The server's version; needs no token. */
    public ServerVersion version() {
        HttpResult result = caller.anonymous(ApiPaths.root(caller.apiUrl(), "/version"));
        try {
            JsonNode body = result.isSuccess() ? Json.MAPPER.readTree(result.body()) : null;
            if (body != null && body.isObject()) {
                return new ServerVersion(text(body, "name"), text(body, "version"), text(body, "gitRevision"));
            }
        } catch (IOException e) {
            // reported below
        }
        if (result.status() == 404) {
            // What a deploy reports for the Workload routes of the same server: a missing route, not a bad answer.
            throw new NotFoundException(ErrorCode.API_ROUTE_NOT_FOUND,
                    "GET " + caller.apiUrl() + "/version answered HTTP 404: "
                            + "the server has no /version route, which every OpenChoreo API has",
                    null, result.requestId(),
                    404, null);
        }
        throw new TransportException(ErrorCode.BAD_RESPONSE, "GET " + caller.apiUrl() + "/version answered HTTP "
                + result.status() + " without version information: is this the OpenChoreo API?", null,
                result.requestId(), result.status(), null);
    }

    /** Whether {@code /health} answers 2xx; needs no token. */
    public boolean healthy() {
        return caller.anonymous(ApiPaths.root(caller.apiUrl(), "/health")).isSuccess();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
