package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.time.Duration;

/**
 * Hands a front end every progress text on one line ({@link ServerText#oneLine}), whatever server
 * value it quotes (an image read back, a rollout condition, a retry reason): both the plugin's
 * build log and the CLI's stderr hear a deploy through this, so neither can be fed a forged line.
 */
final class OneLineListener implements DeployListener {

    private final DeployListener delegate;

    private OneLineListener(DeployListener delegate) {
        this.delegate = delegate;
    }

    static DeployListener of(DeployListener listener) {
        return listener instanceof OneLineListener ? listener : new OneLineListener(listener);
    }

    @Override
    public void step(String message) {
        delegate.step(ServerText.oneLine(message));
    }

    @Override
    public void warning(String message) {
        delegate.warning(ServerText.oneLine(message));
    }

    @Override
    public void info(String message) {
        delegate.info(ServerText.oneLine(message));
    }

    @Override
    public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
        delegate.retrying(call, attempt, ServerText.oneLine(reason), delay);
    }

    @Override
    public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
        delegate.attempted(call, status, requestId, elapsed);
    }
}
