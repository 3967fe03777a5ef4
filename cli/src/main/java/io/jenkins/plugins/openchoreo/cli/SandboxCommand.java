package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
                + "to point Jenkins or any pipeline at. For tests only.")
public final class SandboxCommand implements Callable<Integer> {

    /** Not 8080, which is Jenkins' own default port: a Jenkins on the same machine would be in the way. */
    public static final int DEFAULT_PORT = 18090;

    /** A sandbox client that may also follow rollouts, so --wait can be tried end to end. */
    static final String ROLLOUT_CLIENT_ID = "sandbox-rollout-watcher";
    static final String PROMOTER_CLIENT_ID = "sandbox-release-promoter";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, description = "Port to listen on; 0 picks a free one "
            + "(default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on "
            + "(default ${DEFAULT-VALUE}); e.g. 0.0.0.0 for a Jenkins in a container. Anyone who reaches it can get "
            + "tokens and write Workloads: the sandbox is for tests only.")
    String bind;

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
        InetAddress address = address();
        Sandbox sandbox = start(address);
        for (String component : components) {
            String[] parts = component.trim().split("/");
            if (parts.length != 3) {
                sandbox.close();
                throw new IllegalArgumentException("--component takes NAMESPACE/PROJECT/COMPONENT, not " + component);
            }
            sandbox.addComponent(parts[0], parts[1], parts[2]);
        }
        SandboxClient publisher = sandbox.defaultClient();
        SandboxClient watcher = sandbox.registerClient(ROLLOUT_CLIENT_ID, publisher.secret(), AuthMethod.POST,
                Role.ROLLOUT_WATCHER);
        SandboxClient promoter = sandbox.registerClient(PROMOTER_CLIENT_ID, publisher.secret(), AuthMethod.POST,
                Role.RELEASE_PROMOTER);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "openchoreo-sandbox-stop"));
        if (!address.isLoopbackAddress()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: the sandbox listens on " + address.getHostAddress() + ": whoever reaches this "
                    + "machine can get its tokens and write its Workloads. It is for tests only; stop it when done.");
            err.flush();
        }
        describe(sandbox, address, publisher, watcher, promoter, spec.commandLine().getOut());
        stopped.await();
        return ExitCodes.OK;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind.trim());
        } catch (UnknownHostException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "--bind " + bind + " is not an address of "
                    + "this machine", List.of(),
                    "Use 127.0.0.1 (the default), 0.0.0.0 for every address, or one "
                            + "address of this machine.",
                    null, 0, null);
        }
    }

    private Sandbox start(InetAddress address) {
        try {
            return Sandbox.builder().port(port).bind(address).tokenLifetime(Duration.ofSeconds(tokenLifetime))
                    .latency(Duration.ofMillis(latencyMillis)).start();
        } catch (UncheckedIOException e) {
            // A busy port is the usual cause: the user's to fix, not a bug (exit 2, not 1).
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), List.of(),
                    "Choose another --port, or --port 0 for a free one.", null, 0, e);
        }
    }

    private void describe(Sandbox sandbox, InetAddress address, SandboxClient publisher, SandboxClient watcher,
            SandboxClient promoter, PrintWriter out) {
        out.println("OpenChoreo sandbox running on " + address.getHostAddress() + ":" + sandbox.apiUrl().getPort()
                + " (Ctrl-C to stop). For tests only.");
        out.println("  API URL:        " + sandbox.apiUrl());
        out.println("  Token URL:      " + sandbox.tokenUrl());
        out.println("  Auth method:    client_secret_post");
        out.println("  Client secret:  " + publisher.secret() + "   (a sandbox secret, made for this run; every "
                + "client uses it)");
        out.println("  Client id:      " + publisher.clientId() + "   (OpenChoreo's CI role: deploys; may not "
                + "follow rollouts)");
        out.println("  Client id:      " + watcher.clientId() + "   (the CI role plus component, release and "
                + "release binding view: deploys and --wait)");
        out.println("  Client id:      " + promoter.clientId() + "   (may also promote: release binding create "
                + "and update, for openchoreo promote)");
        out.println("  Components:     " + String.join(", ", components));
        if (address.isAnyLocalAddress()) {
            out.println("  From a container or another machine, use this machine's address instead of 127.0.0.1 in");
            out.println("  both URLs, and set the token URL explicitly: discovery names 127.0.0.1.");
        }
        out.println();
        out.println("For a shell or CI job:");
        out.println("  export OPENCHOREO_API_URL=" + sandbox.apiUrl());
        out.println("  export OPENCHOREO_TOKEN_URL=" + sandbox.tokenUrl());
        out.println("  export OPENCHOREO_CLIENT_ID=" + publisher.clientId());
        out.println("  export OPENCHOREO_CLIENT_SECRET=" + publisher.secret());
        out.println(
                "To try --wait, use the client that may follow rollouts: OPENCHOREO_CLIENT_ID=" + watcher.clientId());
        out.println("To try promote, the client that may promote: OPENCHOREO_CLIENT_ID=" + promoter.clientId());
        out.flush();
    }
}
