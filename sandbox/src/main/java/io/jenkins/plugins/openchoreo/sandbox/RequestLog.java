package io.jenkins.plugins.openchoreo.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The requests the sandbox answered, in order. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private int generation;

    /** Changes whenever the log is cleared, so a late status does not land on another request. */
    synchronized int generation() {
        return generation;
    }

    /** Records a request as it arrives (so it counts even while its answer is delayed); returns its index. */
    synchronized int add(RecordedRequest request) {
        requests.add(request);
        return requests.size() - 1;
    }

    /** Sets the answer of a recorded request once it is known. */
    synchronized void answered(int generationAtArrival, int index, Reply reply) {
        if (generationAtArrival == generation && index < requests.size()) {
            RecordedRequest r = requests.get(index);
            requests.set(index, new RecordedRequest(r.route(), r.method(), r.path(), r.query(), r.headers(), r.body(),
                    reply.status(), r.at(), reply.contentType(), Dispatcher.maskFields(reply.body())));
        }
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        generation++;
    }
}
