package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openchoreo sandbox}: an OpenChoreo-compatible API and identity provider on loopback, until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the sandbox (Workload API + identity provider) on 127.0.0.1 until stopped (Ctrl-C), "
                + "to point Jenkins or any pipeline at.")
final class SandboxCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1; 0 picks a free one "
            + "(default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--component", paramLabel = "NAMESPACE/PROJECT/COMPONENT", defaultValue = "default/default/greeter",
            split = ",", description = "Components that exist (a deploy to another is refused, as OpenChoreo does); "
                    + "repeatable (default ${DEFAULT-VALUE}).")
    List<String> components;

    @Option(names = "--token-lifetime", defaultValue = "3600", description = "Token lifetime in seconds "
            + "(default ${DEFAULT-VALUE}).")
    int tokenLifetime;

    @Option(names = "--latency", defaultValue = "0", description = "Delay added to every answer, in milliseconds "
            + "(default ${DEFAULT-VALUE}).")
    int latencyMillis;

    @Override
    public Integer call() throws InterruptedException {
        Sandbox sandbox = start();
        for (String component : components) {
            String[] parts = component.trim().split("/");
            if (parts.length != 3) {
                sandbox.close();
                throw new IllegalArgumentException("--component takes NAMESPACE/PROJECT/COMPONENT, not " + component);
            }
            sandbox.addComponent(parts[0], parts[1], parts[2]);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "openchoreo-sandbox-stop"));
        describe(sandbox, spec.commandLine().getOut());
        stopped.await();
        return ExitCodes.OK;
    }

    private Sandbox start() {
        try {
            return Sandbox.builder().port(port).tokenLifetime(Duration.ofSeconds(tokenLifetime))
                    .latency(Duration.ofMillis(latencyMillis)).start();
        } catch (UncheckedIOException e) {
            // A busy port is the usual cause: the user's to fix, not a bug (exit 2, not 1).
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), List.of(),
                    "Choose another --port, or --port 0 for a free one.", null, 0, e);
        }
    }

    private void describe(Sandbox sandbox, PrintWriter out) {
        SandboxClient client = sandbox.defaultClient();
        out.println("OpenChoreo sandbox running on 127.0.0.1 (Ctrl-C to stop)");
        out.println("  API URL:        " + sandbox.apiUrl());
        out.println("  Token URL:      " + sandbox.tokenUrl());
        out.println("  Client id:      " + client.clientId());
        out.println("  Client secret:  " + client.secret() + "   (a sandbox secret, made for this run)");
        out.println("  Auth method:    client_secret_post");
        out.println("  Components:     " + String.join(", ", components));
        out.println();
        out.println("For a shell or CI job:");
        out.println("  export OPENCHOREO_API_URL=" + sandbox.apiUrl());
        out.println("  export OPENCHOREO_TOKEN_URL=" + sandbox.tokenUrl());
        out.println("  export OPENCHOREO_CLIENT_ID=" + client.clientId());
        out.println("  export OPENCHOREO_CLIENT_SECRET=" + client.secret());
        out.flush();
    }
}
