package io.jenkins.plugins.openchoreo.client.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.api.RolloutClient;
import java.util.function.Consumer;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows a deploy after the Workload write: first the component's latest release must be the
 * one made from this write (not the one before it), then the environment's ReleaseBinding must be
 * bound to that release, caught up ({@code observedGeneration}) and Ready. A binding still Ready
 * for the previous release is not mistaken for success. Progress is reported when it changes,
 * not at every poll.
 */
public final class RolloutWaiter {

    static final int MAX_EVENTS = 10;
    static final int MAX_LOG_LINES = 20;
    static final int MAX_LINE = 300;

    private final RolloutClient client;
    private final Consumer<String> progress;
    private final WaitOptions options;
    private final Clock clock;

    public RolloutWaiter(RolloutClient client, Consumer<String> progress, WaitOptions options, Clock clock) {
        this.client = client;
        this.progress = progress;
        this.options = options;
        this.clock = clock;
    }

    /**
     * The component's latest release before the write, if any. Also reads the bindings once, so a
     * client that may read the component but not its bindings is found out before the write.
     * Throws {@link ForbiddenException} (as {@link ErrorCode#ROLLOUT_FORBIDDEN}) when either is refused.
     */
    public Optional<String> latestRelease(String namespace, String component) {
        Optional<String> release;
        try {
            release = release(client.component(namespace, component));
        } catch (ForbiddenException e) {
            throw forbidden("component:view", e);
        }
        try {
            client.bindings(namespace, component);
        } catch (ForbiddenException e) {
            throw forbidden("releasebinding:view", e);
        }
        return release;
    }

    /**
     * Waits until the release made by the write ({@code changed}: the spec changed, so the
     * platform makes a new release; otherwise the current one) is Ready in the environment.
     *
     * @param previous the latest release before the write, or null
     */
    public RolloutResult await(String namespace, String component, String previous, boolean changed) {
        Instant deadline = clock.instant().plus(options.timeout());
        Poller poller = new Poller(deadline);
        String release;
        while (true) {
            Optional<String> latest;
            try {
                latest = release(client.component(namespace, component));
            } catch (ForbiddenException e) {
                throw forbidden("component:view", e);
            }
            if (latest.isPresent() && (!changed || !latest.get().equals(previous))) {
                release = latest.get();
                break;
            }
            poller.report("Waiting for OpenChoreo to make a release from the Workload");
            if (!poller.pause()) {
                throw notReady(namespace, component, "no new release appeared (the latest is still "
                        + latest.orElse("none") + ")", null);
            }
        }
        progress.accept("Release " + release + " made; waiting for it to be Ready"
                + (options.environment() == null ? "" : " in " + options.environment()));
        return followBinding(namespace, component, release, -1, poller);
    }

    /**
     * Waits until the environment's ReleaseBinding (the options' environment) runs {@code release}
     * and is Ready: what a promotion wrote. The API sends no {@code metadata.generation}, so a
     * binding still Ready from before the write is told apart by its {@code status.observedGeneration},
     * which the controller raises when it reconciles the change.
     *
     * @param observedBefore the binding's {@code status.observedGeneration} before the write; -1 for a new binding
     */
    public RolloutResult awaitBinding(String namespace, String component, String release, long observedBefore) {
        progress.accept("Waiting for release " + release + " to be Ready"
                + (options.environment() == null ? "" : " in " + options.environment()));
        return followBinding(namespace, component, release, observedBefore,
                new Poller(clock.instant().plus(options.timeout())));
    }

    private RolloutResult followBinding(String namespace, String component, String release, long observedBefore,
            Poller poller) {
        BindingState last = null;
        while (true) {
            List<JsonNode> bindings;
            try {
                bindings = client.bindings(namespace, component);
            } catch (ForbiddenException e) {
                throw forbidden("releasebinding:view", e);
            }
            Optional<BindingState> state = pick(bindings, release);
            if (state.isPresent()) {
                last = state.get();
                if (last.readyFor(release) && last.observedGeneration() > observedBefore) {
                    progress.accept("Ready: " + last.describe());
                    return new RolloutResult(release, last.environment(), clock.instant().toString(), last.endpoints());
                }
                poller.report(last.describe());
            } else {
                poller.report("No ReleaseBinding yet" + (options.environment() == null ? ""
                        : " for environment " + options.environment()));
            }
            if (!poller.pause()) {
                throw notReady(namespace, component, last == null ? "no ReleaseBinding appeared" : last.describe(),
                        last);
            }
        }
    }

    /**
     * The binding to follow: the named environment's; without one, the binding that already has
     * this release (auto-deploy binds it to the first environment only), else the first listed.
     */
    private Optional<BindingState> pick(List<JsonNode> bindings, String release) {
        List<BindingState> states = bindings.stream().map(BindingState::of).toList();
        if (options.environment() != null) {
            return states.stream().filter(b -> options.environment().equals(b.environment())).findFirst();
        }
        return states.stream().filter(b -> release.equals(b.release())).findFirst()
                .or(() -> states.stream().findFirst());
    }

    private static Optional<String> release(JsonNode component) {
        String name = component.path("status").path("latestRelease").path("name").asText("");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private ForbiddenException forbidden(String permission, ForbiddenException cause) {
        return new ForbiddenException(ErrorCode.ROLLOUT_FORBIDDEN, "The client may not follow the rollout: "
                + "reading it needs " + permission + " (HTTP 403 from " + cause.getMessage() + ")",
                ErrorCode.ROLLOUT_FORBIDDEN.hint(), cause.requestId(), 403, cause);
    }

    private ServerErrorException notReady(String namespace, String component, String state, BindingState binding) {
        StringBuilder message = new StringBuilder("The Workload is written, but the rollout of component ")
                .append(component).append(" is not Ready after ").append(seconds(options.timeout()))
                .append(": ").append(state);
        if (binding != null) {
            appendDiagnostics(message, namespace, binding.name());
        }
        return new ServerErrorException(ErrorCode.ROLLOUT_NOT_READY, message.toString(),
                ErrorCode.ROLLOUT_NOT_READY.hint(), null, 0, null);
    }

    /** The binding's recent events and log lines, bounded; what cannot be read is said, not thrown. */
    private void appendDiagnostics(StringBuilder message, String namespace, String binding) {
        String nl = System.lineSeparator();
        try {
            List<String> events = client.events(namespace, binding);
            message.append(nl).append("Recent events of ").append(binding).append(':');
            events.subList(Math.max(0, events.size() - MAX_EVENTS), events.size())
                    .forEach(e -> message.append(nl).append("  ").append(bounded(e)));
        } catch (OpenChoreoException e) {
            message.append(nl).append("(events not available: ").append(e.getMessage()).append(')');
        }
        try {
            List<String> lines = client.logs(namespace, binding, (int) Math.max(60, options.timeout().toSeconds()));
            message.append(nl).append("Last log lines:");
            lines.subList(Math.max(0, lines.size() - MAX_LOG_LINES), lines.size())
                    .forEach(l -> message.append(nl).append("  ").append(bounded(l)));
        } catch (OpenChoreoException e) {
            message.append(nl).append("(logs not available: ").append(e.getMessage()).append(')');
        }
    }

    private static String bounded(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The pauses between polls, growing up to the maximum, and the condensed progress lines. */
    private final class Poller {
        private final Instant deadline;
        private Duration interval = options.interval();
        private String lastReported;

        Poller(Instant deadline) {
            this.deadline = deadline;
        }

        void report(String line) {
            if (!line.equals(lastReported)) {
                progress.accept(line);
                lastReported = line;
            }
        }

        /** Sleeps until the next poll; false when the deadline has passed. */
        boolean pause() {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            Duration sleep = interval.compareTo(left) < 0 ? interval : left;
            try {
                Thread.sleep(sleep.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerErrorException(ErrorCode.ABORTED, "Stopped waiting for the rollout: "
                        + "interrupted", ErrorCode.ABORTED.hint(), null, 0, e);
            }
            Duration grown = interval.plus(interval.dividedBy(2));
            interval = grown.compareTo(options.maxInterval()) > 0 ? options.maxInterval() : grown;
            return true;
        }
    }
}
