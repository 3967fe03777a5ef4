package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seed guide's GitHub Actions step (a faithful copy in the resources), run with bash, curl
 * and jq against the sandbox with its default client, each run in a fresh directory.
 */
final class SeedScript {

    static final String RESOURCE = "seed-guide-register-workload.sh";

    private final Sandbox sandbox;
    private final Path script;
    private final Path scratch;

    SeedScript(Sandbox sandbox, Path scratch) {
        this.sandbox = sandbox;
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
                "CLIENT_ID", sandbox.defaultClient().clientId(),
                "CLIENT_SECRET", sandbox.defaultClient().secret(),
                "THUNDER_URL", sandbox.issuer().toString(),
                "OPENCHOREO_API_URL", sandbox.apiUrl().toString(),
                "RUN_NAME", workflowRun);
        return ProcessRun.run(List.of("bash", script.toString()), directory, env).requireSuccess("The guide's script");
    }
}
