package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line a deploy would print, so tests can assert on them (and on what they must not hold). */
public final class RecordingListener implements DeployListener {

    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final List<String> retries = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
        lines.add("attempt " + call.describe() + " -> " + status + " [" + requestId + "]");
    }

    @Override
    public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
        String line = "retry " + call.describe() + " #" + attempt + " after " + delay.toMillis() + " ms: " + reason;
        retries.add(line);
        lines.add(line);
    }

    @Override
    public void info(String message) {
        lines.add("info " + message);
    }

    @Override
    public void step(String message) {
        lines.add("step " + message);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
        lines.add("warning " + message);
    }

    public String all() {
        return String.join("\n", lines);
    }
}
