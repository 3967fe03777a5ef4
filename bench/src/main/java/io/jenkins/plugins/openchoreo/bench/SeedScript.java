package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seed guide's GitHub Actions step (a faithful copy in the resources), run with bash, curl
 * and jq against the sandbox, each run in a fresh directory. It gets a client of its own with the
 * default client's method and role but a secret of letters and digits: the guide's
 * {@code curl -d "client_secret=…"} sends a '+' unencoded (the server reads a space), and the
 * sandbox's random base64 secret holds one about four runs in ten (docs/migrating-from-scripts.md).
 */
final class SeedScript {

    static final String RESOURCE = "seed-guide-register-workload.sh";

    static final String CLIENT_ID = "guide-script-client";

    private final Sandbox sandbox;
    private final SandboxClient client;
    private final Path script;
    private final Path scratch;

    SeedScript(Sandbox sandbox, Path scratch) {
        this.sandbox = sandbox;
        this.client = sandbox.registerClient(CLIENT_ID, "guideScriptSecret0123456789", AuthMethod.POST,
                Role.WORKLOAD_PUBLISHER);
        this.scratch = scratch;
        this.script = scratch.resolve(RESOURCE);
        try (InputStream in = SeedScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The script " + RESOURCE + " is not on the class path");
            }
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys the image as the guide's workflow would; fails when the script fails. */
    ProcessRun deploy(String project, String component, String image, String workflowRun) {
        Path directory;
        try {
            directory = Files.createTempDirectory(scratch, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of(
                "NAMESPACE", "default",
                "PROJECT", project,
                "COMPONENT", component,
                "IMAGE", image,
                "CLIENT_ID", client.clientId(),
                "CLIENT_SECRET", client.secret(),
                "THUNDER_URL", sandbox.issuer().toString(),
                "OPENCHOREO_API_URL", sandbox.apiUrl().toString(),
                "RUN_NAME", workflowRun);
        return ProcessRun.run(List.of("bash", script.toString()), directory, env).requireSuccess("The guide's script");
    }
}
