package io.jenkins.plugins.openchoreo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code openchoreo demo}: the whole deploy on one machine with no cluster. Starts the sandbox,
 * creates a component's Workload, lets a "platform engineer" add an endpoint by hand, deploys a
 * new image (the endpoint survives), deploys it again (unchanged, one request), and shows the
 * final Workload.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a create, an image update and an unchanged deploy against an in-process sandbox.")
final class DemoCommand extends OutputCommand {

    static final String NAMESPACE = "default";
    static final String PROJECT = "demo";
    static final String COMPONENT = "greeter";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Output output = newOutput();
        try (Sandbox sandbox = Sandbox.builder().port(0).start(); OpenChoreoEngine engine = new OpenChoreoEngine()) {
            sandbox.addComponent(NAMESPACE, PROJECT, COMPONENT);
            SandboxClient client = sandbox.defaultClient();
            ConnectionSettings settings = ConnectionSettings.builder(sandbox.apiUrl().toString())
                    .tokenUrl(sandbox.tokenUrl().toString()).authMethod(ClientAuthMethod.AUTO)
                    .portalUrl("http://portal.localhost:8080").build();
            Credentials credentials = Credentials.client(client.clientId(), client.secret());
            OpenChoreoConnection.learnSecrets(masker(), settings, credentials);
            Deployer deployer = new Deployer(settings, credentials, engine,
                    new LocalWorkspaceFiles(Path.of(".").toAbsolutePath()), output);
            ArrayNode results = Json.MAPPER.createArrayNode();
            if (!output.json()) {
                out.println("Sandbox API " + sandbox.apiUrl() + ", component " + NAMESPACE + "/" + PROJECT + "/"
                        + COMPONENT);
            }

            step(out, output, results, "1. First deploy: the component has no Workload yet",
                    deployer.deploy(request("ghcr.io/example/greeter:1.0.0")));
            addEndpointByHand(sandbox);
            if (!output.json()) {
                out.println();
                out.println("   (a platform engineer adds endpoint 'api' and env LOG_LEVEL to the Workload by hand)");
            }
            step(out, output, results, "2. New build: image-only update keeps what the platform set",
                    deployer.deploy(request("ghcr.io/example/greeter:1.0.1")));
            step(out, output, results, "3. Same image again: nothing to write",
                    deployer.deploy(request("ghcr.io/example/greeter:1.0.1")));

            ObjectNode workload = sandbox.workload(NAMESPACE, COMPONENT + "-workload").orElseThrow();
            if (output.json()) {
                ObjectNode json = Json.object();
                json.set("deploys", results);
                json.set("workload", workload);
                output.result("", json);
            } else {
                out.println();
                out.println("Final Workload on the sandbox:");
                out.println(Json.pretty(workload));
            }
        }
        return ExitCodes.OK;
    }

    private static DeployRequest request(String image) {
        return DeployRequest.builder(COMPONENT, image).namespace(NAMESPACE).project(PROJECT).build();
    }

    private static void step(PrintWriter out, Output output, ArrayNode results, String title, DeployResult result) {
        results.add(result.toJson());
        if (!output.json()) {
            out.println();
            out.println(title);
            out.println(Texts.result(result));
            out.flush();
        }
    }

    private static void addEndpointByHand(Sandbox sandbox) {
        ObjectNode workload = sandbox.workload(NAMESPACE, COMPONENT + "-workload").orElseThrow();
        ObjectNode spec = (ObjectNode) workload.path("spec");
        ObjectNode api = spec.putObject("endpoints").putObject("api");
        api.put("type", "HTTP").put("port", 9090).putArray("visibility").add("external");
        ((ObjectNode) spec.path("container")).putArray("env").addObject().put("key", "LOG_LEVEL").put("value", "info");
        sandbox.putWorkload(NAMESPACE, workload);
    }
}
