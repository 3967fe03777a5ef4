package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What OpenChoreo's controllers do after a Workload changes, on a timer: a ComponentRelease
 * named {@code <component>-<hash>} at once, then the environment's ReleaseBinding switches to it
 * (a third of the rollout delay in), observes it (two thirds), and becomes Ready at the end, or
 * stays not Ready with the failure set for the component. Until the switch, the binding still
 * shows the previous release as Ready: the stale state a waiting client must not mistake.
 */
final class Rollouts {

    static final String ENVIRONMENT = "development";

    private final Map<String, History> histories = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration delay;

    Rollouts(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    void setDelay(Duration value) {
        delay = value;
    }

    Duration delay() {
        return delay;
    }

    void reset() {
        histories.clear();
    }

    /** A Workload of the component was written; {@code settled} releases it as if long ago (seeded state). */
    void written(String namespace, JsonNode spec, boolean settled) {
        String project = spec.path("owner").path("projectName").asText("");
        String component = spec.path("owner").path("componentName").asText("");
        if (component.isEmpty()) {
            return;
        }
        History history = histories.computeIfAbsent(key(namespace, component),
                k -> new History(namespace, project, component));
        synchronized (history) {
            String hash = hash(spec.path("container").path("image").asText() + Json.write(spec));
            if (!history.releases.isEmpty() && history.latest().hash.equals(hash)) {
                return;
            }
            history.releases.add(new Release(component + "-" + hash, hash, spec.deepCopy(),
                    settled ? Instant.EPOCH : clock.instant(), delay, history.failure));
        }
    }

    /** From now on, releases of this component never become Ready. */
    void fail(String namespace, String component, String reason, String message, List<String> logLines) {
        History history = histories.computeIfAbsent(key(namespace, component), k -> new History(namespace, "", component));
        synchronized (history) {
            history.failure = new Failure(reason, message, List.copyOf(logLines));
        }
    }

    /** The component's {@code status}: latest release and Ready, or null before any release. */
    ObjectNode componentStatus(String namespace, String component) {
        History history = histories.get(key(namespace, component));
        if (history == null) {
            return null;
        }
        synchronized (history) {
            if (history.releases.isEmpty()) {
                return null;
            }
            ObjectNode status = Json.object();
            Release latest = history.latest();
            status.putObject("latestRelease").put("name", latest.name).put("releaseHash", latest.hash);
            Binding binding = history.binding(clock.instant());
            ObjectNode ready = status.putArray("conditions").addObject().put("type", "Ready");
            ready.put("status", binding != null && binding.ready() ? "True" : "False");
            return status;
        }
    }

    List<ObjectNode> bindings(String namespace, String component) {
        return Optional.ofNullable(histories.get(key(namespace, component))).flatMap(this::bindingOf).stream().toList();
    }

    Optional<ObjectNode> binding(String namespace, String name) {
        return histories.values().stream().filter(h -> h.namespace.equals(namespace)
                && name.equals(h.component + "-" + ENVIRONMENT)).findFirst().flatMap(this::bindingOf);
    }

    /**
     * A ComponentRelease of any component by name: its owner, the Workload spec it froze, and how
     * rollouts of it fail (null when they succeed).
     */
    Optional<ReleaseInfo> release(String namespace, String name) {
        for (History history : histories.values()) {
            if (!history.namespace.equals(namespace)) {
                continue;
            }
            synchronized (history) {
                for (Release release : history.releases) {
                    if (release.name.equals(name)) {
                        Failure failure = release.failure;
                        return Optional.of(new ReleaseInfo(history.project, history.component, release.name,
                                release.spec, failure == null ? null : failure.reason,
                                failure == null ? null : failure.message));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** What other parts of the sandbox may know of a release. */
    record ReleaseInfo(String project, String component, String name, JsonNode workload, String failureReason,
            String failureMessage) {
    }

    /** Kubernetes-style events of the binding, newest last. */
    Optional<ObjectNode> events(String namespace, String name) {
        return historyOfBinding(namespace, name).map(history -> {
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            synchronized (history) {
                Binding binding = history.binding(clock.instant());
                if (binding == null) {
                    return body;
                }
                items.addObject().put("type", "Normal").put("reason", "ReleaseBound")
                        .put("message", "Bound release " + binding.release.name).put("count", 1);
                if (binding.release.failure != null && binding.observed) {
                    items.addObject().put("type", "Warning").put("reason", binding.release.failure.reason)
                            .put("message", binding.release.failure.message).put("count", 3);
                } else if (binding.ready()) {
                    items.addObject().put("type", "Normal").put("reason", "Ready")
                            .put("message", "All resources are ready").put("count", 1);
                }
            }
            return body;
        });
    }

    /** The container's recent log lines. */
    Optional<ObjectNode> logs(String namespace, String name) {
        return historyOfBinding(namespace, name).map(history -> {
            ObjectNode body = Json.object();
            ArrayNode logs = body.putArray("logs");
            synchronized (history) {
                Binding binding = history.binding(clock.instant());
                List<String> lines = binding == null ? List.of() : binding.release.failure != null
                        ? binding.release.failure.logLines : List.of("server listening on :" + firstPort(binding));
                lines.forEach(line -> logs.addObject().put("timestamp", clock.instant().toString()).put("log", line));
            }
            return body;
        });
    }

    private Optional<History> historyOfBinding(String namespace, String name) {
        return histories.values().stream().filter(h -> h.namespace.equals(namespace)
                && name.equals(h.component + "-" + ENVIRONMENT)).findFirst();
    }

    private Optional<ObjectNode> bindingOf(History history) {
        synchronized (history) {
            Binding binding = history.binding(clock.instant());
            return binding == null ? Optional.empty() : Optional.of(binding.toJson(history));
        }
    }

    private static String firstPort(Binding binding) {
        var fields = binding.release.spec.path("endpoints").fields();
        return fields.hasNext() ? fields.next().getValue().path("port").asText("8080") : "8080";
    }

    private static String key(String namespace, String component) {
        return namespace + "/" + component;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Failure(String reason, String message, List<String> logLines) {
    }

    private record Release(String name, String hash, JsonNode spec, Instant at, Duration delay, Failure failure) {
        Duration elapsed(Instant now) {
            return Duration.between(at, now);
        }

        boolean bound(Instant now) {
            return elapsed(now).compareTo(delay.dividedBy(3)) >= 0;
        }

        boolean observed(Instant now) {
            return elapsed(now).compareTo(delay.multipliedBy(2).dividedBy(3)) >= 0;
        }

        boolean ready(Instant now) {
            return failure == null && elapsed(now).compareTo(delay) >= 0;
        }
    }

    /** The binding's state at one instant. */
    private record Binding(Release release, int generation, boolean observed, boolean readyNow) {
        boolean ready() {
            return readyNow;
        }

        ObjectNode toJson(History history) {
            ObjectNode json = Json.object();
            json.putObject("metadata").put("name", history.component + "-" + ENVIRONMENT)
                    .put("namespace", history.namespace).put("generation", generation);
            ObjectNode spec = json.putObject("spec");
            spec.putObject("owner").put("projectName", history.project).put("componentName", history.component);
            spec.put("environment", ENVIRONMENT).put("releaseName", release.name);
            ObjectNode status = json.putObject("status");
            status.put("observedGeneration", observed ? generation : generation - 1);
            ArrayNode conditions = status.putArray("conditions");
            conditions.addObject().put("type", "ReleaseSynced").put("status", observed ? "True" : "False")
                    .put("reason", observed ? "Synced" : "Syncing");
            String reason = readyNow ? "Ready" : observed && release.failure != null ? release.failure.reason : "Progressing";
            String message = readyNow ? "All resources are ready" : observed && release.failure != null
                    ? release.failure.message : "Rolling out release " + release.name;
            conditions.addObject().put("type", "ResourcesReady").put("status", readyNow ? "True" : "False")
                    .put("reason", reason).put("message", message);
            conditions.addObject().put("type", "Ready").put("status", readyNow ? "True" : "False")
                    .put("reason", reason).put("message", message);
            if (readyNow) {
                ArrayNode endpoints = status.putArray("endpoints");
                release.spec.path("endpoints").fields().forEachRemaining(e -> {
                    JsonNode endpoint = e.getValue();
                    String path = endpoint.path("basePath").asText("");
                    ObjectNode out = endpoints.addObject().put("name", e.getKey())
                            .put("type", endpoint.path("type").asText("HTTP"))
                            .put("serviceURL", "http://" + history.component + "." + history.namespace + "-"
                                    + ENVIRONMENT + ".svc.cluster.local:" + endpoint.path("port").asText());
                    String invoke = "http://" + ENVIRONMENT + ".openchoreo.localhost:19080/" + history.project + "/"
                            + history.component + path;
                    out.put("invokeURL", invoke);
                    out.putArray("internalURLs").add(out.path("serviceURL").asText());
                    ArrayNode external = out.putArray("externalURLs");
                    endpoint.path("visibility").forEach(v -> {
                        if ("external".equals(v.asText())) {
                            external.add(invoke);
                        }
                    });
                });
            }
            return json;
        }
    }

    private static final class History {
        final String namespace;
        final String project;
        final String component;
        final List<Release> releases = new ArrayList<>();
        Failure failure;

        History(String namespace, String project, String component) {
            this.namespace = namespace;
            this.project = project;
            this.component = component;
        }

        Release latest() {
            return releases.get(releases.size() - 1);
        }

        /** The binding now: the newest release already bound, or null before the first one is. */
        Binding binding(Instant now) {
            for (int i = releases.size() - 1; i >= 0; i--) {
                Release release = releases.get(i);
                if (release.bound(now)) {
                    return new Binding(release, i + 1, release.observed(now), release.ready(now));
                }
            }
            return null;
        }
    }
}
