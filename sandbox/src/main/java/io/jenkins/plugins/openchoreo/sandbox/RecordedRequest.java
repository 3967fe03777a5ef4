package io.jenkins.plugins.openchoreo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received and its answer, with secrets already removed: the
 * Authorization header keeps only its scheme and {@code client_secret} form values (and tokens in
 * answers) are replaced. The status is 0 until the answer is sent, and stays 0 for a dropped
 * connection; the answer's content type and body are null until then.
 */
public record RecordedRequest(Route route, String method, String path, String query,
        Map<String, List<String>> headers, String body, int status, Instant at, String responseContentType,
        String responseBody) {

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
