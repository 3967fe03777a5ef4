package io.jenkins.plugins.openchoreo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received and its answer, with secrets already removed: the
 * Authorization header keeps only its scheme and {@code client_secret} form values (and tokens in
 * answers) are replaced. The status is 0 until the answer is sent, and stays 0 for a dropped
 * connection; the answer's content type and body are null until then.
 *
 * <p>{@code inFlight} is how many requests were in flight when this one arrived, itself included
 * (2 or more: it overlapped another). {@code sequence} is its place in the longest chain of
 * requests each of which arrived after the one before it was answered: the round trips a client
 * made one after the other up to and including this one. Both come from the order in which
 * requests arrive and are answered, not from clocks.
 */
public record RecordedRequest(Route route, String method, String path, String query,
        Map<String, List<String>> headers, String body, int status, Instant at, String responseContentType,
        String responseBody, int inFlight, int sequence) {

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    RecordedRequest withAnswer(int value, String contentType, String answerBody) {
        return new RecordedRequest(route, method, path, query, headers, body, value, at, contentType, answerBody,
                inFlight, sequence);
    }

    RecordedRequest withOverlap(int inFlightAtArrival, int place) {
        return new RecordedRequest(route, method, path, query, headers, body, status, at, responseContentType,
                responseBody, inFlightAtArrival, place);
    }
}
