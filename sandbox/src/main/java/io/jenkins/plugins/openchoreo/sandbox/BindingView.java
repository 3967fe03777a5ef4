package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ReleaseBinding as the API answers it at one instant, in the shapes of OpenChoreo's OpenAPI
 * document ({@code ReleaseBinding}, {@code ReleaseBindingStatus}, {@code EndpointURLStatus}) and
 * with the values its binding controller writes (see {@link Rollouts}).
 */
final class BindingView {

    /** Endpoint types some Gateway API route can expose (releasebinding/controller.go, routeKindCompat). */
    private static final Set<String> ROUTABLE = Set.of("HTTP", "GraphQL", "Websocket", "gRPC");
    static final int GATEWAY_HTTP_PORT = 19080;
    static final int GATEWAY_HTTPS_PORT = 19443;

    private final Rollouts.History history;
    private final int bound;
    private final Instant now;
    private final boolean invokeUrls;
    private final boolean httpsListener;

    BindingView(Rollouts.History history, int bound, Instant now, boolean invokeUrls, boolean httpsListener) {
        this.history = history;
        this.bound = bound;
        this.now = now;
        this.invokeUrls = invokeUrls;
        this.httpsListener = httpsListener;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object().put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "ReleaseBinding");
        json.putObject("metadata").put("name", history.bindingName()).put("namespace", history.namespace)
                .put("uid", uid("binding")).put("creationTimestamp", time(history.releases.get(0).bound()));
        ObjectNode spec = json.putObject("spec");
        spec.putObject("owner").put("projectName", history.project).put("componentName", history.component);
        spec.put("environment", Rollouts.ENVIRONMENT).put("releaseName", history.releases.get(bound).name());
        json.set("status", status());
        return json;
    }

    private String uid(String what) {
        String hash = Rollouts.hash(what + "/" + history.namespace + "/" + history.component);
        return "00000000-0000-4000-8000-00" + hash;
    }

    /** The status the controller last wrote: empty before its first reconcile. */
    private ObjectNode status() {
        ObjectNode status = Json.object();
        int reconciled = history.reconciledIndex(now);
        if (reconciled < 0) {
            return status;
        }
        Rollouts.Release release = history.releases.get(reconciled);
        long generation = reconciled + 1L;
        status.put("observedGeneration", generation);
        status.put("lastSpecUpdateTime", time(release.reconciled()));
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(condition("ReleaseSynced", "True", "ReleaseSynced", "Release \"" + history.bindingName()
                + "\" is up to date", generation, history.releases.get(0).reconciled()));
        Condition resources = resourcesReady(reconciled, history.frozen(reconciled, now));
        if (resources != null) {
            conditions.add(resources.toJson());
        }
        Condition ready = resources == null
                ? new Condition("Ready", "False", "ResourcesProgressing", "Resources are being evaluated", generation,
                        release.reconciled())
                : "True".equals(resources.status)
                        ? new Condition("Ready", "True", "Ready", "ReleaseBinding is ready", generation,
                                resources.since)
                : new Condition("Ready", "False", resources.reason, resources.message, generation,
                        resources.since);
        conditions.add(ready.toJson());
        ArrayNode endpoints = endpoints(release);
        if (!endpoints.isEmpty()) {
            status.set("endpoints", endpoints);
        }
        return status;
    }

    /**
     * ResourcesReady as it stands at {@code at} for the binding reconciled to release {@code index}:
     * before the resources of this release are evaluated, still the previous release's (or none).
     */
    private Condition resourcesReady(int index, Instant at) {
        Rollouts.Release release = history.releases.get(index);
        if (at.isBefore(release.evaluated())) {
            return index == 0 ? null : resourcesReady(index - 1, history.frozen(index - 1, at));
        }
        long generation = index + 1L;
        String deployment = ResourceTree.deploymentName(history);
        if (at.isBefore(release.done())) {
            return new Condition("ResourcesReady", "False", "ResourcesProgressing", "Primary workload Deployment/"
                    + deployment + " is progressing", generation, release.evaluated());
        }
        if (release.failure() != null) {
            return new Condition("ResourcesReady", "False", "ResourcesDegraded", "Primary workload Deployment/"
                    + deployment + " is degraded", generation, release.done());
        }
        return new Condition("ResourcesReady", "True", "Ready", "Primary workload Deployment and all supporting "
                + "resources are ready", generation, release.done());
    }

    /** The endpoints' URLs as resolveEndpointURLStatuses and resolveServiceURLs (controller @ad3f503) write them. */
    private ArrayNode endpoints(Rollouts.Release release) {
        return endpoints(history, release, Rollouts.ENVIRONMENT, invokeUrls, httpsListener);
    }

    /** The same, for a binding of the component's release in any environment. */
    static ArrayNode endpoints(Rollouts.History history, Rollouts.Release release, String environment,
            boolean invokeUrls, boolean httpsListener) {
        TreeMap<String, JsonNode> byName = new TreeMap<>();
        release.spec().path("endpoints").fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
        List<ObjectNode> routed = new ArrayList<>();
        List<ObjectNode> serviceOnly = new ArrayList<>();
        byName.forEach((name, endpoint) -> {
            String type = endpoint.path("type").asText("HTTP");
            Set<String> visibility = new java.util.HashSet<>();
            endpoint.path("visibility").forEach(v -> visibility.add(v.asText()));
            boolean external = visibility.contains("external");
            boolean internal = visibility.contains("internal") || visibility.contains("namespace");
            ObjectNode out = Json.object().put("name", name).put("type", type);
            String path = "/" + history.project + "/" + history.component + endpoint.path("basePath").asText("");
            boolean routable = ROUTABLE.contains(type) && (external || internal);
            if (routable && external) {
                String host = environment + "-" + history.namespace + ".openchoreo.localhost";
                if (invokeUrls) {
                    out.put("invokeURL", httpsListener ? scheme(type, true) + "://" + host + ":" + GATEWAY_HTTPS_PORT
                            + path : scheme(type, false) + "://" + host + ":" + GATEWAY_HTTP_PORT + path);
                }
                out.set("externalURLs", gatewayUrls(type, host, path, httpsListener));
            }
            if (routable && internal) {
                out.set("internalURLs", gatewayUrls(type, environment + "-" + history.namespace
                        + ".internal.openchoreo.localhost", path, false));
            }
            ObjectNode service = out.putObject("serviceURL").put("scheme", serviceScheme(type))
                    .put("host", history.component + "." + ResourceTree.dataPlaneNamespace(history, environment)
                            + ".svc.cluster.local")
                    .put("port", endpoint.path("port").asInt());
            if (!endpoint.path("basePath").asText("").isEmpty()) {
                service.put("path", endpoint.path("basePath").asText());
            }
            (routable ? routed : serviceOnly).add(out);
        });
        ArrayNode endpoints = Json.MAPPER.createArrayNode();
        routed.forEach(endpoints::add);
        serviceOnly.forEach(endpoints::add);
        return endpoints;
    }

    private static ObjectNode gatewayUrls(String type, String host, String path, boolean https) {
        ObjectNode urls = Json.object();
        urls.putObject("http").put("scheme", scheme(type, false)).put("host", host).put("port", GATEWAY_HTTP_PORT)
                .put("path", path);
        if (https) {
            urls.putObject("https").put("scheme", scheme(type, true)).put("host", host)
                    .put("port", GATEWAY_HTTPS_PORT).put("path", path);
        }
        return urls;
    }

    /** schemeFor (controller.go): the listener's scheme for the endpoint type. */
    private static String scheme(String type, boolean tls) {
        return switch (type) {
            case "Websocket" -> tls ? "wss" : "ws";
            case "gRPC" -> tls ? "grpcs" : "grpc";
            default -> tls ? "https" : "http";
        };
    }

    /** schemeForEndpointType (endpoint_resolve.go). */
    private static String serviceScheme(String type) {
        return switch (type) {
            case "Websocket" -> "ws";
            case "gRPC" -> "grpc";
            case "TCP" -> "tcp";
            case "UDP" -> "udp";
            default -> "http";
        };
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A Kubernetes condition; {@code since} is its lastTransitionTime. */
    private record Condition(String type, String status, String reason, String message, long observedGeneration,
            Instant since) {
        ObjectNode toJson() {
            return Json.object().put("type", type).put("status", status).put("observedGeneration", observedGeneration)
                    .put("lastTransitionTime", time(since)).put("reason", reason).put("message", message);
        }
    }

    private static ObjectNode condition(String type, String status, String reason, String message, long generation,
            Instant since) {
        return new Condition(type, status, reason, message, generation, since).toJson();
    }
}
