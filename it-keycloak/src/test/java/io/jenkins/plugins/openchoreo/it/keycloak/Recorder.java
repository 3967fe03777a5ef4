package io.jenkins.plugins.openchoreo.it.keycloak;

import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one connection did: its identity-provider attempts and the messages it gave a user. */
final class Recorder implements CallObserver {

    private final List<String> tokenAttempts = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
        if (call.target() == HttpCall.Target.IDENTITY_PROVIDER && "POST".equals(call.method())) {
            tokenAttempts.add(call.uri() + " " + status);
        }
    }

    @Override
    public void info(String message) {
        messages.add(message);
    }

    /** Token requests sent, each as "url status". */
    List<String> tokenAttempts() {
        return tokenAttempts;
    }

    List<String> messages() {
        return messages;
    }
}
