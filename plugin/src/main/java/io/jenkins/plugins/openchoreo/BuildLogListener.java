package io.jenkins.plugins.openchoreo;

import hudson.model.TaskListener;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a deploy's steps, warnings and retries to the build log, every line through the masker
 * and on one line ({@link ServerText#oneLine}): a server value in it cannot forge a log line.
 */
final class BuildLogListener implements DeployListener {

    static final String PREFIX = "[OpenChoreo] ";

    private final TaskListener listener;
    private final SecretMasker masker;

    BuildLogListener(TaskListener listener, SecretMasker masker) {
        this.listener = listener;
        this.masker = masker;
    }

    void println(String message) {
        PrintStream log = listener.getLogger();
        log.println(masker.mask(PREFIX + ServerText.oneLine(message)));
    }

    @Override
    public void step(String message) {
        println(message);
    }

    @Override
    public void warning(String message) {
        println("Warning: " + message);
    }

    @Override
    public void info(String message) {
        println(message);
    }

    @Override
    public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
        println("Retrying " + CallObserver.retryText(call, attempt, reason, delay));
    }
}
