package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Hands a front end every text of a deploy or a promotion (a step, a warning, a message, a
 * retry's reason) through a filter first: the masker of the connection, so a front end need not
 * know the secrets, and {@link ServerText#oneLine}, whatever server value a text quotes (an image
 * read back, a rollout condition), so neither the plugin's build log nor the CLI's stderr can be
 * fed a forged line.
 */
public final class FilteredListener implements DeployListener {

    private final DeployListener delegate;
    private final UnaryOperator<String> filter;

    private FilteredListener(DeployListener delegate, UnaryOperator<String> filter) {
        this.delegate = delegate;
        this.filter = filter;
    }

    /** The listener with its texts masked; null stands for {@link DeployListener#NONE}. */
    public static DeployListener masked(DeployListener listener, SecretMasker masker) {
        return new FilteredListener(listener == null ? DeployListener.NONE : listener, masker::mask);
    }

    /** The listener with each text on one line. */
    static DeployListener oneLine(DeployListener listener) {
        return new FilteredListener(listener, ServerText::oneLine);
    }

    @Override
    public void step(String message) {
        delegate.step(filter.apply(message));
    }

    @Override
    public void warning(String message) {
        delegate.warning(filter.apply(message));
    }

    @Override
    public void info(String message) {
        delegate.info(filter.apply(message));
    }

    @Override
    public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
        delegate.retrying(call, attempt, filter.apply(reason), delay);
    }

    @Override
    public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
        delegate.attempted(call, status, requestId, elapsed);
    }
}
