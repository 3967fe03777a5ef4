package io.jenkins.plugins.openchoreo.client.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.api.RolloutClient;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.RolloutNotFollowedException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a rollout to Ready through OpenChoreo's API. The public steps, in order:
 * <ol>
 * <li>{@link #before}, before the Workload write: the component's latest release and the
 *     bindings' state, and whether the rollout can be followed at all (throws
 *     {@link RolloutNotFollowedException}: before the write, so a strict caller writes nothing);</li>
 * <li>{@link #await}, after the write: waits for the release made from it (not the one before),
 *     then for a binding Ready for that release ({@link #awaitBinding}).</li>
 * </ol>
 * A promotion, which names the release itself, calls {@link #awaitBinding} with a baseline from
 * {@link #bindingsBefore}. A binding still Ready for the previous release is not mistaken for
 * success (the rule is on {@link BindingState}). Lists leave out what the caller may not view, so
 * an empty binding list for a component that has a release is, after a short grace, reported as
 * not visible (a {@link RolloutNotFollowedException}) rather than waited on until the timeout. A
 * rollout that does not become Ready in time fails with the pods' states and events (and their
 * log lines when {@link WaitOptions#showLogs()}). Progress is reported when it changes, not at
 * every poll.
 */
public final class RolloutWaiter {

    /** The binding name the component controller reports in its Ready condition when auto-deploy manages one. */
    private static final Pattern MANAGED_BINDING = Pattern.compile("ReleaseBinding \"([a-z0-9.-]+)\"");

    /** Waits between polls; tests pass one that moves a clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final RolloutClient client;
    private final Consumer<String> progress;
    private final WaitOptions options;
    private final Clock clock;
    private final Sleeper sleeper;

    public RolloutWaiter(RolloutClient client, Consumer<String> progress, WaitOptions options, Clock clock) {
        this(client, progress, options, clock, Sleeper.REAL);
    }

    public RolloutWaiter(RolloutClient client, Consumer<String> progress, WaitOptions options, Clock clock,
            Sleeper sleeper) {
        this.client = client;
        this.progress = progress;
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Before a Workload write: the component's latest release and its bindings. Throws
     * {@link RolloutNotFollowedException} when the rollout cannot be followed: the component cannot
     * be read ({@code component:view}), it does not deploy itself ({@code spec.autoDeploy: false}), or
     * it has a release but none of its bindings is listed and reading the binding by name answers 403
     * ({@code releasebinding:view}; the list never does).
     */
    public RolloutBaseline before(String namespace, String component) {
        JsonNode read = component(namespace, component);
        if (!read.path("spec").path("autoDeploy").asBoolean(true)) {
            throw new RolloutNotFollowedException(ErrorCode.ROLLOUT_NOT_AUTO_DEPLOYED, "component " + component
                    + " does not deploy itself (spec.autoDeploy is false), so the Workload change makes no release "
                    + "to follow", null, 0);
        }
        Optional<String> release = release(read);
        List<BindingState> bindings = states(namespace, component);
        if (bindings.isEmpty() && release.isPresent()) {
            Optional<String> name = options.environment() != null
                    ? Optional.of(component + "-" + options.environment()) : managedBinding(read);
            if (name.isPresent()) {
                bindings = probe(namespace, name.get());
            }
        }
        return new RolloutBaseline(release.orElse(null), List.of()).with(bindings);
    }

    /** Before a promotion: the bindings as they are now (the release is the promotion's to name). */
    public RolloutBaseline bindingsBefore(String namespace, String component) {
        return RolloutBaseline.NONE.with(states(namespace, component));
    }

    /**
     * Waits until the release made by the write ({@code changed}: the spec changed, so the platform
     * makes a new release; otherwise the current one) is Ready in the environment.
     */
    public RolloutResult await(String namespace, String component, RolloutBaseline baseline, boolean changed) {
        Poller poller = new Poller(clock.instant().plus(options.timeout()));
        String release;
        while (true) {
            Optional<String> latest = release(component(namespace, component));
            if (latest.isPresent() && (!changed || !latest.get().equals(baseline.release()))) {
                release = latest.get();
                break;
            }
            poller.report("Waiting for OpenChoreo to make a release from the Workload");
            if (!poller.pause(null)) {
                throw notReady(namespace, component, "no new release appeared (the latest is still "
                        + latest.orElse("none") + ")", null);
            }
        }
        progress.accept("Release " + release + " made; waiting for it to be Ready"
                + (options.environment() == null ? "" : " in " + options.environment()));
        return awaitBinding(namespace, component, release, baseline, poller);
    }

    /** Waits until a binding of the component (the options' environment's, else the one naming it) is Ready for the release. */
    public RolloutResult awaitBinding(String namespace, String component, String release, RolloutBaseline baseline) {
        return awaitBinding(namespace, component, release, baseline,
                new Poller(clock.instant().plus(options.timeout())));
    }

    private RolloutResult awaitBinding(String namespace, String component, String release, RolloutBaseline baseline,
            Poller poller) {
        Instant graceEnd = clock.instant().plus(options.grace());
        RolloutBaseline seen = baseline;
        BindingState last = null;
        while (true) {
            List<BindingState> states = states(namespace, component);
            Optional<BindingState> state = pick(states, release);
            seen = seen.with(states.stream().filter(s -> !release.equals(s.release())).toList());
            boolean empty = states.isEmpty();
            if (state.isPresent()) {
                last = state.get();
                long before = seen.generationBefore(last.name(), release);
                if (last.readyFor(release, before)) {
                    progress.accept("Ready: " + last.describe(release, before));
                    return new RolloutResult(release, last.environment(), clock.instant().toString(), last.endpoints());
                }
                poller.report(last.describe(release, before));
            } else {
                if (empty && !clock.instant().isBefore(graceEnd)) {
                    throw new RolloutNotFollowedException(ErrorCode.ROLLOUT_NOT_VISIBLE, "no ReleaseBinding of "
                            + "component " + component + " became visible within " + seconds(options.grace())
                            + " although release " + release + " exists; the client lacks releasebinding:view in "
                            + "namespace " + namespace + ", or the release is not bound to an environment", null, 0);
                }
                poller.report("No ReleaseBinding yet" + (options.environment() == null ? ""
                        : " for environment " + options.environment()));
            }
            if (!poller.pause(empty ? graceEnd : null)) {
                throw notReady(namespace, component, last == null ? "no ReleaseBinding appeared"
                        : last.describe(release, seen.generationBefore(last.name(), release)), last);
            }
        }
    }

    /**
     * The binding to follow: the named environment's; without one, the binding that already has
     * this release (auto-deploy binds it to the first environment only), else the first listed.
     */
    private Optional<BindingState> pick(List<BindingState> states, String release) {
        if (options.environment() != null) {
            return states.stream().filter(b -> options.environment().equals(b.environment())).findFirst();
        }
        return states.stream().filter(b -> release.equals(b.release())).findFirst()
                .or(() -> states.stream().findFirst());
    }

    private JsonNode component(String namespace, String component) {
        try {
            return client.component(namespace, component);
        } catch (ForbiddenException e) {
            throw forbidden("read component " + component, "component:view", namespace, e);
        }
    }

    private List<BindingState> states(String namespace, String component) {
        try {
            return client.bindings(namespace, component).stream().map(BindingState::of).toList();
        } catch (ForbiddenException e) {
            // OpenChoreo's list filters instead; a server or proxy that refuses the list is taken at its word.
            throw forbidden("list the ReleaseBindings of component " + component, "releasebinding:view", namespace, e);
        }
    }

    /** Reads a binding by name: the one request that answers 403 without releasebinding:view (the list filters). */
    private List<BindingState> probe(String namespace, String binding) {
        try {
            return List.of(BindingState.of(client.binding(namespace, binding)));
        } catch (NotFoundException e) {
            return List.of(); // not bound (yet): nothing to learn before the write
        } catch (ForbiddenException e) {
            throw forbidden("read ReleaseBinding " + binding, "releasebinding:view", namespace, e);
        }
    }

    /**
     * The binding auto-deploy manages, as the component controller names it in its Ready condition
     * ({@code ReleaseBinding "<component>-<first environment>"}, internal/controller/component/controller.go
     * @ad3f503): without an environment option, the only way to learn its name without
     * deploymentpipeline:view.
     */
    private static Optional<String> managedBinding(JsonNode component) {
        for (JsonNode condition : component.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                Matcher matcher = MANAGED_BINDING.matcher(condition.path("message").asText(""));
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> release(JsonNode component) {
        String name = component.path("status").path("latestRelease").path("name").asText("");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static RolloutNotFollowedException forbidden(String action, String permission, String namespace,
            ForbiddenException cause) {
        return new RolloutNotFollowedException(ErrorCode.ROLLOUT_FORBIDDEN, "the client may not " + action
                + " (it lacks " + permission + " in namespace " + namespace + ")", cause.requestId(), cause.status());
    }

    private ServerErrorException notReady(String namespace, String component, String state, BindingState binding) {
        StringBuilder message = new StringBuilder("The Workload is written, but the rollout of component ")
                .append(component).append(" is not Ready after ").append(seconds(options.timeout()))
                .append(": ").append(state);
        if (binding != null) {
            long since = Math.max(60, options.timeout().toSeconds());
            RolloutDiagnostics.of(client, namespace, binding.name(), options.showLogs(), since)
                    .forEach(line -> message.append(System.lineSeparator()).append(line));
        }
        return new ServerErrorException(ErrorCode.ROLLOUT_NOT_READY, message.toString(),
                ErrorCode.ROLLOUT_NOT_READY.hint(), null, 0, null);
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

        /**
         * Sleeps until the next poll, or until {@code soon} (an instant a decision is due) if that
         * comes first; false when the deadline has passed.
         */
        boolean pause(Instant soon) {
            Instant now = clock.instant();
            Duration left = Duration.between(now, deadline);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            Duration sleep = interval.compareTo(left) < 0 ? interval : left;
            if (soon != null && now.isBefore(soon) && Duration.between(now, soon).compareTo(sleep) < 0) {
                sleep = Duration.between(now, soon);
            }
            try {
                sleeper.sleep(sleep);
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
