package io.jenkins.plugins.openchoreo.client.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.api.RolloutClient;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a rollout is not Ready, from the binding's live resources: the primary workload's and the
 * pods' states from {@code …/k8sresources/tree}, their events from {@code …/k8sresources/events}
 * and, only when asked, the pods' last log lines from {@code …/k8sresources/logs}. Everything is
 * bounded, masked and kept to one line per entry; what cannot be read is said, not thrown.
 */
final class RolloutDiagnostics {

    static final int MAX_PODS = 3;
    static final int MAX_EVENTS = 10;
    static final int MAX_LOG_LINES = 20;
    static final int MAX_LINE = 300;
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "Job", "CronJob");

    private final RolloutClient client;
    private final String namespace;
    private final String binding;
    private final List<String> lines = new ArrayList<>();

    private RolloutDiagnostics(RolloutClient client, String namespace, String binding) {
        this.client = client;
        this.namespace = namespace;
        this.binding = binding;
    }

    /** The lines to add to a "not Ready" message. */
    static List<String> of(RolloutClient client, String namespace, String binding, boolean showLogs,
            long sinceSeconds) {
        RolloutDiagnostics diagnostics = new RolloutDiagnostics(client, namespace, binding);
        diagnostics.collect(showLogs, sinceSeconds);
        return diagnostics.lines;
    }

    private void collect(boolean showLogs, long sinceSeconds) {
        JsonNode tree;
        try {
            tree = client.resourceTree(namespace, binding);
        } catch (OpenChoreoException e) {
            lines.add("(the resources of " + binding + " are not available: " + e.getMessage() + ")");
            return;
        }
        List<JsonNode> workloads = new ArrayList<>();
        List<JsonNode> pods = new ArrayList<>();
        for (JsonNode release : tree.path("renderedReleases")) {
            for (JsonNode node : release.path("nodes")) {
                String kind = node.path("kind").asText();
                if (WORKLOAD_KINDS.contains(kind)) {
                    workloads.add(node);
                } else if (kind.equals("Pod") && pods.size() < MAX_PODS) {
                    pods.add(node);
                }
            }
        }
        lines.add("Resources of " + binding + ":");
        if (workloads.isEmpty() && pods.isEmpty()) {
            lines.add("  (no workload or pod yet)");
        }
        workloads.forEach(node -> lines.add("  " + bounded(describeNode(node))));
        pods.forEach(node -> lines.add("  " + bounded(describeNode(node) + podState(node.path("object")))));
        for (JsonNode node : workloads) {
            if (!"Healthy".equals(node.path("health").path("status").asText())) {
                events(node);
            }
        }
        pods.forEach(this::events);
        if (showLogs) {
            pods.forEach(pod -> logs(pod.path("name").asText(), sinceSeconds));
        }
    }

    private static String describeNode(JsonNode node) {
        JsonNode health = node.path("health");
        return node.path("kind").asText() + " " + node.path("name").asText() + ": "
                + health.path("status").asText("health unknown")
                + (health.path("message").asText("").isEmpty() ? "" : " (" + health.path("message").asText() + ")");
    }

    /** The pod's phase and each container's waiting or terminated state, as Kubernetes reports them. */
    private static String podState(JsonNode pod) {
        StringBuilder text = new StringBuilder();
        String phase = pod.path("status").path("phase").asText("");
        if (!phase.isEmpty()) {
            text.append(", ").append(phase);
        }
        for (JsonNode container : pod.path("status").path("containerStatuses")) {
            JsonNode state = container.path("state");
            String name = container.path("name").asText();
            for (String kind : List.of("waiting", "terminated")) {
                JsonNode detail = state.path(kind);
                if (!detail.isMissingNode()) {
                    text.append(", container ").append(name).append(' ').append(kind).append(": ")
                            .append(detail.path("reason").asText("?"));
                    String message = detail.path("message").asText("");
                    if (!message.isEmpty()) {
                        text.append(" (").append(message).append(')');
                    }
                }
            }
            int restarts = container.path("restartCount").asInt(0);
            if (restarts > 0) {
                text.append(", ").append(restarts).append(" restart").append(restarts == 1 ? "" : "s");
            }
        }
        return text.toString();
    }

    private void events(JsonNode node) {
        String what = node.path("kind").asText() + " " + node.path("name").asText();
        try {
            List<JsonNode> events = client.events(namespace, binding, node.path("group").asText(""),
                    node.path("version").asText("v1"), node.path("kind").asText(), node.path("name").asText());
            if (events.isEmpty()) {
                return;
            }
            lines.add("Events of " + what + ":");
            for (JsonNode event : events.subList(Math.max(0, events.size() - MAX_EVENTS), events.size())) {
                int count = event.path("count").asInt(1);
                lines.add("  " + bounded(event.path("type").asText("Event") + " " + event.path("reason").asText("")
                        + (count > 1 ? " (x" + count + ")" : "") + ": " + event.path("message").asText("")));
            }
        } catch (OpenChoreoException e) {
            lines.add("(events of " + what + " are not available: " + e.getMessage() + ")");
        }
    }

    private void logs(String pod, long sinceSeconds) {
        try {
            List<String> log = client.logs(namespace, binding, pod, sinceSeconds);
            lines.add("Last log lines of pod " + pod + ":");
            if (log.isEmpty()) {
                lines.add("  (none)");
            }
            log.subList(Math.max(0, log.size() - MAX_LOG_LINES), log.size())
                    .forEach(line -> lines.add("  " + bounded(line)));
        } catch (OpenChoreoException e) {
            lines.add("(log lines of pod " + pod + " are not available: " + e.getMessage() + ")");
        }
    }

    /** Server text, so masked before it is cut and kept to one line (a pod's log may hold anything). */
    private String bounded(String line) {
        return ServerText.shown(line, client.masker(), MAX_LINE);
    }
}
