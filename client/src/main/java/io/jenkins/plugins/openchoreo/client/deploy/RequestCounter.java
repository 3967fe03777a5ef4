package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts a deploy's (or a promotion's) HTTP attempts by target and keeps the request ids of API calls. */
public final class RequestCounter implements CallObserver {

    private final AtomicInteger api = new AtomicInteger();
    private final AtomicInteger identityProvider = new AtomicInteger();
    private final List<String> requestIds = new ArrayList<>();

    @Override
    public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
        if (call.target() == HttpCall.Target.API) {
            api.incrementAndGet();
            synchronized (requestIds) {
                requestIds.add(requestId);
            }
        } else {
            identityProvider.incrementAndGet();
        }
    }

    public int api() {
        return api.get();
    }

    public int identityProvider() {
        return identityProvider.get();
    }

    public List<String> requestIds() {
        synchronized (requestIds) {
            return List.copyOf(requestIds);
        }
    }

    /** What was counted so far, with the wall time of the whole deploy. */
    Traffic traffic(long durationMillis) {
        return new Traffic(requestIds(), api(), identityProvider(), durationMillis);
    }
}
