package io.jenkins.plugins.openchoreo.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A misbehaviour for the next requests to one route: a delay, a status (with a body and a
 * {@code Retry-After}), a dropped connection, a slow or malformed body. Immutable; each method
 * returns a changed copy. By default it applies once, to the first matching request.
 */
public final class Fault {

    final Route route;
    final int status;
    final String retryAfter;
    final String contentType;
    final String body;
    final Duration delay;
    final boolean reset;
    final Duration slowBody;
    final boolean malformedJson;
    final int times;
    final int after;
    final CountDownLatch gate;

    private Fault(Route route, int status, String retryAfter, String contentType, String body, Duration delay,
            boolean reset, Duration slowBody, boolean malformedJson, int times, int after, CountDownLatch gate) {
        this.route = Objects.requireNonNull(route, "route");
        this.status = status;
        this.retryAfter = retryAfter;
        this.contentType = contentType;
        this.body = body;
        this.delay = delay;
        this.reset = reset;
        this.slowBody = slowBody;
        this.malformedJson = malformedJson;
        this.times = times;
        this.after = after;
        this.gate = gate;
    }

    public static Fault on(Route route) {
        return new Fault(route, 0, null, null, null, Duration.ZERO, false, Duration.ZERO, false, 1, 0, null);
    }

    /** Answer with this status instead of the real answer (a default body fits the route). */
    public Fault status(int value) {
        if (value < 100 || value > 599) {
            throw new IllegalArgumentException("HTTP status " + value + " is not 100-599");
        }
        return new Fault(route, value, retryAfter, contentType, body, delay, reset, slowBody, malformedJson, times,
                after, gate);
    }

    /** A {@code Retry-After} header: seconds or an HTTP date. */
    public Fault retryAfter(String value) {
        return new Fault(route, status, value, contentType, body, delay, reset, slowBody, malformedJson, times,
                after, gate);
    }

    /** The body to answer with (with {@link #status}; alone it means 200). */
    public Fault body(String type, String text) {
        return new Fault(route, status == 0 ? 200 : status, retryAfter, type, text, delay, reset, slowBody,
                malformedJson, times, after, gate);
    }

    /** Wait this long before answering. */
    public Fault delay(Duration value) {
        return new Fault(route, status, retryAfter, contentType, body, value, reset, slowBody, malformedJson, times,
                after, gate);
    }

    /** Drop the connection without an answer. */
    public Fault reset() {
        return new Fault(route, status, retryAfter, contentType, body, delay, true, slowBody, malformedJson, times,
                after, gate);
    }

    /** Send the headers at once, then trickle the body out over this long. */
    public Fault slowBody(Duration value) {
        return new Fault(route, status, retryAfter, contentType, body, delay, reset, value, malformedJson, times,
                after, gate);
    }

    /** Answer 200 with JSON cut off in the middle. */
    public Fault malformedJson() {
        return new Fault(route, status, retryAfter, contentType, body, delay, reset, slowBody, true, times, after,
                gate);
    }

    /** Apply to this many matching requests. */
    public Fault times(int value) {
        return new Fault(route, status, retryAfter, contentType, body, delay, reset, slowBody, malformedJson, value,
                after, gate);
    }

    /** Let this many matching requests through untouched first. */
    public Fault after(int value) {
        return new Fault(route, status, retryAfter, contentType, body, delay, reset, slowBody, malformedJson, times,
                value, gate);
    }

    /**
     * Hold each matching request until this many have arrived (at most 10 s), so concurrent
     * clients are made to overlap exactly, whatever the machine's load: a race on demand.
     */
    public Fault together(int parties) {
        return new Fault(route, status, retryAfter, contentType, body, delay, reset, slowBody, malformedJson, times,
                after, new CountDownLatch(parties));
    }

    /**
     * Hold each matching request at {@code other}'s gate (see {@link #together}): requests to two
     * routes then wait for each other, so a client that sends them at once is seen doing so.
     */
    public Fault togetherWith(Fault other) {
        if (other.gate == null) {
            throw new IllegalArgumentException(other + " has no gate: call together(parties) on it first");
        }
        return new Fault(route, status, retryAfter, contentType, body, delay, reset, slowBody, malformedJson, times,
                after, other.gate);
    }

    /** Whether the answer itself is replaced (otherwise the route answers normally, perhaps later or slowly). */
    boolean replacesAnswer() {
        return status != 0 || reset || malformedJson;
    }

    @Override
    public String toString() {
        return "Fault[" + route + (status != 0 ? " " + status : "") + (reset ? " reset" : "")
                + (delay.isZero() ? "" : " delay " + delay.toMillis() + " ms") + " x" + times + "]";
    }
}
