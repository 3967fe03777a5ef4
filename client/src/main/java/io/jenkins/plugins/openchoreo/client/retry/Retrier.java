package io.jenkins.plugins.openchoreo.client.retry;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a call and tries again when that is safe: connection failures, timeouts, 429 and
 * 500/502/503/504, and answers the caller marks as unreadable on a read. Never 400, 401, 403,
 * 404, 409 or 422: those are the caller's to handle. Backoff is exponential with jitter;
 * {@code Retry-After} (seconds or a date) is honoured up to a cap; all attempts and pauses share
 * one deadline. Built on Failsafe rather than a hand-written loop.
 */
public final class Retrier {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Set<ErrorCode> RETRYABLE_CODES = Set.of(ErrorCode.TRANSPORT_CONNECT,
            ErrorCode.TRANSPORT_TIMEOUT, ErrorCode.BAD_RESPONSE);

    /** Less time than this left before the deadline is not worth another attempt. */
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(100);

    private final RetrySettings settings;
    private final Clock clock;
    private final Set<Integer> statuses;

    public Retrier(RetrySettings settings) {
        this(settings, Clock.systemUTC(), RETRYABLE_STATUSES);
    }

    Retrier(RetrySettings settings, Clock clock, Set<Integer> statuses) {
        this.settings = settings;
        this.clock = clock;
        this.statuses = statuses;
    }

    /**
     * A retrier that leaves this status to the caller: a Workload PUT's 500 means a concurrent
     * update, which needs a fresh read, not the same body again.
     */
    public Retrier withoutRetryOn(int status) {
        Set<Integer> fewer = new java.util.HashSet<>(statuses);
        fewer.remove(status);
        return new Retrier(settings, clock, Set.copyOf(fewer));
    }

    public RetrySettings settings() {
        return settings;
    }

    /** Whether an HTTP status is worth another attempt. */
    public static boolean isRetryable(int status) {
        return RETRYABLE_STATUSES.contains(status);
    }

    /**
     * Sends {@code call} until {@code reader} accepts an answer or the attempts or the deadline run
     * out. The reader turns a final answer into a value or a typed exception; it sees a retryable
     * status only when no attempt is left, and may throw {@link ErrorCode#BAD_RESPONSE} on an
     * unreadable body of a call that is safe to repeat.
     */
    public <T> T execute(HttpCall call, Transport transport, CallObserver observer, ResultReader<T> reader) {
        long start = System.nanoTime();
        RetryPolicy<Object> policy = RetryPolicy.builder()
                .handleIf(failure -> isRetryable(failure, call))
                .withMaxAttempts(settings.maxAttempts())
                .withMaxDuration(settings.deadline())
                .withDelayFn(context -> delay(context.getLastException(), context.getAttemptCount()))
                .onRetryScheduled(event -> observer.retrying(call, event.getAttemptCount(),
                        reason(event.getLastException()), event.getDelay()))
                .build();
        try {
            return Failsafe.with(policy).get(context -> {
                Duration left = settings.deadline().minusNanos(System.nanoTime() - start);
                if (left.compareTo(MIN_ATTEMPT) < 0) {
                    throw deadlineExceeded(call, context.getAttemptCount(), null);
                }
                HttpResult result;
                try {
                    result = transport.send(call, left, observer);
                } catch (TransportException e) {
                    if (e.code() == ErrorCode.TRANSPORT_TIMEOUT
                            && System.nanoTime() - start >= settings.deadline().toNanos()) {
                        throw deadlineExceeded(call, context.getAttemptCount() + 1, e);
                    }
                    throw e;
                }
                if (statuses.contains(result.status())) {
                    throw new RetryableAnswer(result);
                }
                return reader.read(result);
            });
        } catch (RetryableAnswer exhausted) {
            return reader.read(exhausted.result);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new TransportException(ErrorCode.ABORTED, call.describe() + " was interrupted while waiting "
                        + "to retry", null, null, 0, e.getCause());
            }
            // Only checked exceptions are wrapped, and attempts throw none: keep the cause visible.
            throw new ServerErrorException(ErrorCode.API_SERVER_ERROR, call.describe() + " failed: " + e.getMessage(),
                    null, null, 0, e);
        }
    }

    private TransportException deadlineExceeded(HttpCall call, int attempts, Throwable cause) {
        return new TransportException(ErrorCode.DEADLINE_EXCEEDED, call.describe() + " ran out of its "
                + settings.deadline().toMillis() + " ms deadline after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s"), null, null, 0, cause);
    }

    private boolean isRetryable(Throwable failure, HttpCall call) {
        if (failure instanceof RetryableAnswer) {
            return true;
        }
        if (failure instanceof OpenChoreoException known && RETRYABLE_CODES.contains(known.code())) {
            // An unreadable answer to a write may hide a completed write: only reads are repeated.
            return known.code() != ErrorCode.BAD_RESPONSE || "GET".equals(call.method());
        }
        return false;
    }

    /**
     * The pause before the next attempt: what {@code Retry-After} asks (capped, never shortened by
     * jitter: it is the least the server wants), else exponential backoff with jitter. Computed here
     * rather than by Failsafe's jitter, which would also shorten a Retry-After.
     */
    private Duration delay(Throwable failure, int attempts) {
        if (failure instanceof RetryableAnswer answer) {
            Optional<Duration> asked = RetryAfter.parse(answer.result.header("retry-after"),
                    settings.maxRetryAfter(), clock);
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        return Backoff.delay(settings, attempts, ThreadLocalRandom.current().nextDouble());
    }

    private static String reason(Throwable failure) {
        if (failure instanceof RetryableAnswer answer) {
            String retryAfter = answer.result.header("retry-after");
            return "HTTP " + answer.result.status() + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")");
        }
        return failure.getMessage();
    }

    /** Turns the final answer of a call into a value, or throws the typed exception it means. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(HttpResult result);
    }

    /** An answer with a retryable status; internal to the retry loop. */
    private static final class RetryableAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpResult result;

        RetryableAnswer(HttpResult result) {
            super("HTTP " + result.status(), null, false, false);
            this.result = result;
        }
    }
}
