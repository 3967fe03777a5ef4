package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
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
 * What OpenChoreo's controllers do after a Workload of an auto-deploying component changes, on a
 * timer of one rollout delay D per release (OpenChoreo @ad3f503):
 * <ul>
 * <li>at once: the component controller makes a ComponentRelease {@code <component>-<hash>} and
 *     names it in {@code status.latestRelease};</li>
 * <li>at D/4: it points the first environment's ReleaseBinding {@code <component>-<env>} at it
 *     ({@code spec.releaseName}; the binding's generation grows by one). Until the binding
 *     controller reconciles, the status is still the previous release's, Ready included;</li>
 * <li>at D/2: the binding controller reconciles ({@code internal/controller/releasebinding/
 *     controller.go}): {@code status.observedGeneration} and {@code lastSpecUpdateTime} move, the
 *     endpoints are the new release's, ReleaseSynced is True, but the first pass updates the
 *     RenderedRelease and returns before evaluating resources, so ResourcesReady is still the
 *     previous release's (with the previous observedGeneration) and Ready is computed from it;</li>
 * <li>at 3D/4: ResourcesReady is evaluated: the primary Deployment is progressing;</li>
 * <li>at D: Ready, or, for a component told to fail, degraded with the pod waiting.</li>
 * </ul>
 * The API never sends {@code metadata.generation} (its ObjectMeta has none).
 */
final class Rollouts {

    static final String ENVIRONMENT = "development";

    private final Map<String, History> histories = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration delay;
    private volatile boolean invokeUrls;
    private volatile boolean httpsListener = true;

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

    boolean invokeUrls() {
        return invokeUrls;
    }

    boolean httpsListener() {
        return httpsListener;
    }

    /** Whether endpoints carry {@code invokeURL}, as controllers before OpenChoreo b1abad5 (2026-02-25) wrote it. */
    void setInvokeUrls(boolean value) {
        invokeUrls = value;
    }

    /** Whether the data plane's gateway has an https listener (else external URLs are http only). */
    void setHttpsListener(boolean value) {
        httpsListener = value;
    }

    void reset() {
        histories.clear();
        invokeUrls = false;
        httpsListener = true;
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
        History history = histories.computeIfAbsent(key(namespace, component),
                k -> new History(namespace, "", component));
        synchronized (history) {
            history.failure = new Failure(reason, message, List.copyOf(logLines));
        }
    }

    /** The component's latest release (name and hash), if it has one. */
    Optional<ObjectNode> latestRelease(String namespace, String component) {
        History history = histories.get(key(namespace, component));
        if (history == null) {
            return Optional.empty();
        }
        synchronized (history) {
            if (history.releases.isEmpty()) {
                return Optional.empty();
            }
            Release latest = history.latest();
            return Optional.of(Json.object().put("name", latest.name).put("releaseHash", latest.hash));
        }
    }

    /** A ComponentRelease of any component, by name, with its component's history. */
    Optional<Found> release(String namespace, String name) {
        for (History history : histories.values()) {
            if (history.namespace.equals(namespace)) {
                synchronized (history) {
                    for (Release release : history.releases) {
                        if (release.name().equals(name)) {
                            return Optional.of(new Found(history, release));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A release and the history of its component. */
    record Found(History history, Release release) {
    }

    List<ObjectNode> bindings(String namespace, String component) {
        return Optional.ofNullable(histories.get(key(namespace, component))).flatMap(this::bindingOf).stream().toList();
    }

    /** The binding and the owner it names, or empty when no binding of that name exists. */
    Optional<ObjectNode> binding(String namespace, String name) {
        return historyOfBinding(namespace, name).flatMap(this::bindingOf);
    }

    /** The binding's resource tree, events of one of its resources, or a pod's log lines. */
    Reply resources(String namespace, String name, Route route, Map<String, String> query) {
        History history = historyOfBinding(namespace, name).orElse(null);
        if (history == null) {
            return Reply.notFound("ReleaseBinding");
        }
        synchronized (history) {
            Instant now = clock.instant();
            int index = history.reconciledIndex(now);
            if (index < 0) {
                return Reply.notFound("RenderedRelease");
            }
            ResourceTree tree = new ResourceTree(history, history.releases.get(index), index, now);
            return switch (route) {
                case K8S_TREE -> Reply.json(200, tree.toJson());
                case K8S_EVENTS -> tree.events(query);
                default -> tree.logs(query);
            };
        }
    }

    private Optional<History> historyOfBinding(String namespace, String name) {
        return histories.values().stream().filter(h -> h.namespace.equals(namespace)
                && name.equals(h.bindingName())).findFirst().filter(h -> {
                    synchronized (h) {
                        return h.boundIndex(clock.instant()) >= 0;
                    }
                });
    }

    private Optional<ObjectNode> bindingOf(History history) {
        synchronized (history) {
            Instant now = clock.instant();
            int bound = history.boundIndex(now);
            return bound < 0 ? Optional.empty()
                    : Optional.of(new BindingView(history, bound, now, invokeUrls, httpsListener).toJson());
        }
    }

    private static String key(String namespace, String component) {
        return namespace + "/" + component;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Failure(String reason, String message, List<String> logLines) {
    }

    /** One ComponentRelease and the instants of its rollout. */
    record Release(String name, String hash, JsonNode spec, Instant at, Duration delay, Failure failure) {
        Instant bound() {
            return at.plus(delay.dividedBy(4));
        }

        Instant reconciled() {
            return at.plus(delay.dividedBy(2));
        }

        Instant evaluated() {
            return at.plus(delay.multipliedBy(3).dividedBy(4));
        }

        Instant done() {
            return at.plus(delay);
        }
    }

    /** The releases of one component, oldest first, and the failure its next releases get. */
    static final class History {
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

        String bindingName() {
            return component + "-" + ENVIRONMENT;
        }

        /** The release the binding names now (its index), or -1 before the binding exists. */
        int boundIndex(Instant now) {
            for (int i = releases.size() - 1; i >= 0; i--) {
                if (!now.isBefore(releases.get(i).bound())) {
                    return i;
                }
            }
            return -1;
        }

        /** The newest release the binding controller has reconciled by now, or -1. */
        int reconciledIndex(Instant now) {
            int bound = boundIndex(now);
            for (int i = bound; i >= 0; i--) {
                if (!now.isBefore(releases.get(i).reconciled())) {
                    return i;
                }
            }
            return -1;
        }

        /** When this release's rollout stopped moving: when the next one was bound, or now. */
        Instant frozen(int index, Instant now) {
            if (index + 1 < releases.size()) {
                Instant next = releases.get(index + 1).bound();
                return next.isBefore(now) ? next : now;
            }
            return now;
        }
    }
}
