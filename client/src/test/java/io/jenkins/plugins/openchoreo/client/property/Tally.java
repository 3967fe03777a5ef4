package io.jenkins.plugins.openchoreo.client.property;

import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts what bad input came to: rejected clearly (an {@link InvalidRequestException} with
 * field errors, a message and a hint), accepted as valid, or escaped (anything else). One tally
 * per test class; all of them add up to the figure the last class prints.
 */
final class Tally {

    static final Tally TOTAL = new Tally("total");

    final String name;
    final AtomicInteger tries = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger escaped = new AtomicInteger();
    final AtomicInteger strayRequests = new AtomicInteger();
    final List<String> escapes = new CopyOnWriteArrayList<>();

    Tally(String name) {
        this.name = name;
    }

    /** Runs the action and counts its outcome; returns what it returned, or null. */
    <T> T judge(String input, Supplier<T> action) {
        count(tries);
        try {
            T value = action.get();
            count(accepted);
            return value;
        } catch (InvalidRequestException e) {
            // The engine's own check: no status, no request id. A server's 400/422 is not a clear rejection
            // of bad input: the engine let it through.
            if (!e.fieldErrors().isEmpty() && !e.getMessage().isBlank() && !e.hint().isBlank() && e.status() == 0
                    && e.requestId() == null) {
                count(rejected);
                return null;
            }
            escape(input, "InvalidRequestException " + e.code() + " (HTTP " + e.status() + ", "
                    + e.fieldErrors().size() + " field errors): " + e.getMessage());
            throw new AssertionError("not a clear rejection: " + e.getMessage() + " <- " + input, e);
        } catch (RuntimeException | StackOverflowError e) {
            escape(input, e.toString());
            // Fail this try itself, so jqwik shrinks the input and reports it (the tally keeps the figure).
            throw new AssertionError("escaped: " + e + " <- " + input, e);
        }
    }

    void escape(String input, String what) {
        count(escaped);
        String shown = input.length() > 200 ? input.substring(0, 200) + "…" : input;
        escapes.add(what + " <- " + shown.replace("\n", "\\n"));
    }

    void stray(String path) {
        count(strayRequests);
        escapes.add("request to an unexpected path: " + path);
    }

    private void count(AtomicInteger counter) {
        counter.incrementAndGet();
        if (this != TOTAL) {
            TOTAL.counterLike(this, counter).incrementAndGet();
        }
    }

    private AtomicInteger counterLike(Tally other, AtomicInteger counter) {
        if (counter == other.tries) {
            return tries;
        }
        if (counter == other.rejected) {
            return rejected;
        }
        if (counter == other.accepted) {
            return accepted;
        }
        return counter == other.escaped ? escaped : strayRequests;
    }

    String figure() {
        return String.format("[bad-input] %s: tries %d, rejected clearly %d, accepted valid %d, escaped %d, "
                + "requests to unexpected paths %d", name, tries.get(), rejected.get(), accepted.get(), escaped.get(),
                strayRequests.get());
    }

    /** Prints this tally and the running total; the caller asserts nothing escaped. */
    void print() {
        System.out.println(figure());
        escapes.stream().limit(20).forEach(e -> System.out.println("[bad-input]   " + e));
        System.out.println(TOTAL.figure());
    }
}
