package io.jenkins.plugins.openchoreo.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests the sandbox answered, in order, and how they overlapped: each request is stamped
 * with the requests in flight at its arrival and its place in the longest chain of requests sent
 * one after the other (see {@link RecordedRequest}).
 */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<Boolean> finished = new ArrayList<>();
    private int generation;
    private int inFlight;
    /** The longest chain among the requests answered so far: a request arriving now comes after it. */
    private int longestFinished;

    /** Changes whenever the log is cleared, so a late status does not land on another request. */
    synchronized int generation() {
        return generation;
    }

    /** Records a request as it arrives (so it counts even while its answer is delayed); returns its index. */
    synchronized int add(RecordedRequest request) {
        inFlight++;
        requests.add(request.withOverlap(inFlight, longestFinished + 1));
        finished.add(false);
        return requests.size() - 1;
    }

    /** Sets the answer of a recorded request once it is known; the request is then answered. */
    synchronized void answered(int generationAtArrival, int index, Reply reply) {
        if (generationAtArrival == generation && index < requests.size()) {
            requests.set(index, requests.get(index).withAnswer(reply.status(), reply.contentType(),
                    Dispatcher.maskFields(reply.body())));
        }
        finished(generationAtArrival, index);
    }

    /** The request is over, answered or dropped (a second call for the same request changes nothing). */
    synchronized void finished(int generationAtArrival, int index) {
        if (generationAtArrival != generation) {
            // Arrived before a clear: it no longer counts as in flight in this generation's figures.
            return;
        }
        if (index < finished.size() && !finished.get(index)) {
            finished.set(index, true);
            inFlight--;
            longestFinished = Math.max(longestFinished, requests.get(index).sequence());
        }
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        finished.clear();
        generation++;
        inFlight = 0;
        longestFinished = 0;
    }
}
