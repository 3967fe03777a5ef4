package io.jenkins.plugins.openchoreo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Everything the command prints: results on stdout (text or JSON), progress, retries and warnings
 * on stderr, and errors with their hint. Every line passes the secret masker; progress and
 * warnings are kept to one line each ({@link ServerText#oneLine}).
 */
final class Output implements DeployListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputOptions options;
    private final SecretMasker masker;

    Output(PrintWriter out, PrintWriter err, OutputOptions options, SecretMasker masker) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.masker = masker;
    }

    /** The output of a command line whose command has {@link OutputOptions} (text otherwise). */
    static Output of(CommandLine line) {
        Object command = line.getCommand();
        OutputOptions options = command instanceof WithOutput with ? with.output() : new OutputOptions();
        SecretMasker masker = command instanceof WithOutput with ? with.masker() : new SecretMasker();
        return new Output(line.getOut(), line.getErr(), options, masker);
    }

    /** Text with every known secret and credential-shaped string removed. */
    String mask(String text) {
        return masker.mask(text);
    }

    boolean json() {
        return options.format == OutputOptions.Format.JSON;
    }

    void result(String text, ObjectNode json) {
        out.println(masker.mask(json() ? Json.pretty(json) : text));
        out.flush();
    }

    void error(OpenChoreoException e) {
        if (json()) {
            ObjectNode error = Json.object();
            ObjectNode body = error.putObject("error");
            body.put("code", e.code().name());
            body.put("category", e.category().name());
            body.put("exitCode", e.category().exitCode());
            body.put("message", e.getMessage());
            body.put("hint", e.hint());
            body.put("requestId", e.requestId());
            out.println(masker.mask(Json.pretty(error)));
            out.flush();
        }
        // The code leads, as the troubleshooting page is organised by it.
        err.println(masker.mask("error [" + e.code().name() + "]: " + e.describe()));
        err.flush();
    }

    @Override
    public void step(String message) {
        progress(message);
    }

    @Override
    public void warning(String message) {
        err.println(masker.mask("warning: " + ServerText.oneLine(message)));
        err.flush();
    }

    @Override
    public void info(String message) {
        progress(message);
    }

    @Override
    public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
        progress("retrying " + CallObserver.retryText(call, attempt, reason, delay));
    }

    @Override
    public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
        if (options.verbose) {
            err.println(masker.mask("  " + call.describe() + " → " + (status == 0 ? "no answer" : status) + " in "
                    + elapsed.toMillis() + " ms [" + requestId + "]"));
            err.flush();
        }
    }

    private void progress(String message) {
        if (!options.quiet) {
            err.println(masker.mask(ServerText.oneLine(message)));
            err.flush();
        }
    }

    /** A command that prints through an {@link Output}. */
    interface WithOutput {
        OutputOptions output();

        SecretMasker masker();
    }
}
