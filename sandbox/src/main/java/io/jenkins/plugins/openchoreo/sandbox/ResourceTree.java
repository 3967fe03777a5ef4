package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live data-plane resources of a binding's RenderedRelease, as the API's
 * {@code …/releasebindings/{name}/k8sresources/{tree,events,logs}} answer them
 * ({@code internal/openchoreo-api/services/k8sresources/service.go}, OpenChoreo @ad3f503): one
 * Deployment, its Service, and the Deployment's pod, whose container waits with the failure's
 * reason when the release fails.
 */
final class ResourceTree {

    private static final String CONTAINER = "main";

    private final Rollouts.History history;
    private final Rollouts.Release release;
    private final Instant now;
    private final String pod;

    ResourceTree(Rollouts.History history, Rollouts.Release release, int index, Instant now) {
        this.history = history;
        this.release = release;
        this.now = history.frozen(index, now);
        this.pod = deploymentName(history) + "-" + release.hash().substring(0, 8) + "-x7k2p";
    }

    static String deploymentName(Rollouts.History history) {
        return history.component + "-" + Rollouts.ENVIRONMENT + "-"
                + Rollouts.hash(history.namespace + "/" + history.project).substring(0, 8);
    }

    static String dataPlaneNamespace(Rollouts.History history) {
        return dataPlaneNamespace(history, Rollouts.ENVIRONMENT);
    }

    static String dataPlaneNamespace(Rollouts.History history, String environment) {
        return "dp-" + history.namespace + "-" + history.project + "-" + environment;
    }

    private boolean failed() {
        return release.failure() != null && !now.isBefore(release.done());
    }

    private boolean running() {
        return release.failure() == null && !now.isBefore(release.done());
    }

    ObjectNode toJson() {
        ObjectNode body = Json.object();
        ObjectNode entry = body.putArray("renderedReleases").addObject()
                .put("name", history.component + "-" + Rollouts.ENVIRONMENT).put("targetPlane", "dataplane");
        ArrayNode nodes = entry.putArray("nodes");
        String health = running() ? "Healthy" : failed() ? "Degraded" : "Progressing";
        ObjectNode deployment = node(nodes, "apps", "Deployment", deploymentName(history), health);
        ObjectNode object = (ObjectNode) deployment.path("object");
        object.putObject("spec").put("replicas", 1).putObject("template").putObject("spec").putArray("containers")
                .addObject().put("name", CONTAINER).put("image", image());
        object.putObject("status").put("replicas", 1).put("readyReplicas", running() ? 1 : 0)
                .put("updatedReplicas", 1);
        node(nodes, "", "Service", history.component, "Healthy");
        ObjectNode podNode = node(nodes, "", "Pod", pod, health);
        podNode.putArray("parentRefs").addObject().put("group", "apps").put("version", "v1").put("kind", "Deployment")
                .put("namespace", dataPlaneNamespace(history)).put("name", deploymentName(history))
                .put("uid", deployment.path("uid").asText());
        ObjectNode podObject = (ObjectNode) podNode.path("object");
        podObject.putObject("spec").putArray("containers").addObject().put("name", CONTAINER).put("image", image());
        ObjectNode podStatus = podObject.putObject("status").put("phase", running() ? "Running" : "Pending");
        ObjectNode container = podStatus.putArray("containerStatuses").addObject().put("name", CONTAINER)
                .put("image", image()).put("ready", running()).put("restartCount", failed() ? 3 : 0);
        ObjectNode state = container.putObject("state");
        if (running()) {
            state.putObject("running").put("startedAt", BindingView.time(release.done()));
        } else if (failed()) {
            state.putObject("waiting").put("reason", release.failure().reason())
                    .put("message", release.failure().message());
        } else {
            state.putObject("waiting").put("reason", "ContainerCreating");
        }
        return body;
    }

    /** {@code …/k8sresources/events?version=&kind=&name=}: the events of one resource of the tree. */
    Reply events(Map<String, String> query) {
        for (String required : List.of("version", "kind", "name")) {
            if (query.get(required) == null) {
                return Reply.error(400, "BAD_REQUEST", "Query argument " + required + " is required, but not found");
            }
        }
        String kind = query.get("kind");
        String name = query.get("name");
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("events");
        String at = BindingView.time(release.reconciled());
        if (kind.equals("Deployment") && name.equals(deploymentName(history))) {
            event(events, "Normal", "ScalingReplicaSet", "Scaled up replica set " + deploymentName(history) + "-"
                    + release.hash().substring(0, 8) + " to 1", 1, "deployment-controller", at);
        } else if (kind.equals("Pod") && name.equals(pod)) {
            event(events, "Normal", "Scheduled", "Successfully assigned " + dataPlaneNamespace(history) + "/" + pod
                    + " to sandbox-node", 1, "default-scheduler", at);
            event(events, "Normal", "Pulling", "Pulling image \"" + image() + "\"", 1, "kubelet", at);
            if (failed()) {
                event(events, "Warning", release.failure().reason(), release.failure().message(), 3, "kubelet",
                        BindingView.time(release.done()));
            } else if (running()) {
                event(events, "Normal", "Started", "Started container " + CONTAINER, 1, "kubelet",
                        BindingView.time(release.done()));
            }
        } else if (!(kind.equals("Service") && name.equals(history.component))) {
            return Reply.notFound("Resource");
        }
        return Reply.json(200, body);
    }

    /** {@code …/k8sresources/logs?podName=&container=&sinceSeconds=}: the pod's log entries. */
    Reply logs(Map<String, String> query) {
        String podName = query.get("podName");
        if (podName == null) {
            return Reply.error(400, "BAD_REQUEST", "Query argument podName is required, but not found");
        }
        if (!podName.equals(pod)) {
            return Reply.notFound("Resource");
        }
        String container = query.get("container");
        if (container != null && !container.equals(CONTAINER)) {
            return Reply.error(400, "BAD_REQUEST", "Container not found in pod");
        }
        ObjectNode body = Json.object();
        ArrayNode entries = body.putArray("logEntries");
        List<String> lines = release.failure() != null ? release.failure().logLines()
                : running() ? List.of("server listening on :" + firstPort()) : List.of();
        String at = BindingView.time(release.evaluated());
        lines.forEach(line -> entries.addObject().put("timestamp", at).put("log", line).put("container", CONTAINER));
        return Reply.json(200, body);
    }

    private String firstPort() {
        var fields = release.spec().path("endpoints").fields();
        return fields.hasNext() ? fields.next().getValue().path("port").asText("8080") : "8080";
    }

    private String image() {
        return release.spec().path("container").path("image").asText();
    }

    private ObjectNode node(ArrayNode nodes, String group, String kind, String name, String health) {
        String uid = "00000000-0000-4000-8000-00" + Rollouts.hash(kind + "/" + name);
        ObjectNode node = nodes.addObject();
        if (!group.isEmpty()) {
            node.put("group", group);
        }
        node.put("version", "v1").put("kind", kind).put("namespace", dataPlaneNamespace(history)).put("name", name)
                .put("uid", uid).put("createdAt", BindingView.time(release.reconciled()));
        ObjectNode object = node.putObject("object").put("apiVersion", group.isEmpty() ? "v1" : group + "/v1")
                .put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", dataPlaneNamespace(history)).put("uid", uid)
                .put("creationTimestamp", BindingView.time(release.reconciled()));
        node.putObject("health").put("status", health);
        return node;
    }

    private static void event(ArrayNode events, String type, String reason, String message, int count, String source,
            String at) {
        events.addObject().put("type", type).put("reason", reason).put("message", message).put("count", count)
                .put("firstTimestamp", at).put("lastTimestamp", at).put("source", source);
    }
}
