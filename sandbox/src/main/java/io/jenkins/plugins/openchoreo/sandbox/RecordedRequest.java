package io.jenkins.plugins.openchoreo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received, with secrets already removed: the Authorization header
 * keeps only its scheme and {@code client_secret} form values are replaced. The status is 0 until
 * the answer is sent, and stays 0 for a dropped connection.
 *
 * <p>{@code inFlight} is how many requests were in flight when this one arrived, itself included
 * (2 or more: it overlapped another). {@code sequence} is its place in the longest chain of
 * requests each of which arrived after the one before it was answered: the round trips a client
 * made one after the other up to and including this one. Both come from the order in which
 * requests arrive and are answered, not from clocks.
 */
public record RecordedRequest(Route route, String method, String path, String query,
        Map<String, List<String>> headers, String body, int status, Instant at, int inFlight, int sequence) {

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    RecordedRequest withStatus(int value) {
        return new RecordedRequest(route, method, path, query, headers, body, value, at, inFlight, sequence);
    }

    RecordedRequest withOverlap(int inFlightAtArrival, int place) {
        return new RecordedRequest(route, method, path, query, headers, body, status, at, inFlightAtArrival, place);
    }
}
