package io.jenkins.plugins.openchoreo.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The requests the sandbox answered, in order. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
