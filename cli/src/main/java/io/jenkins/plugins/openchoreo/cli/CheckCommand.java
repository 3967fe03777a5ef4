package io.jenkins.plugins.openchoreo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionCheck;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openchoreo check}: a token and one call the CI role is allowed, as "Test connection" does. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check the connection: server version, a token, and a Workload lookup the CI role may make.")
final class CheckCommand extends EngineCommand {

    @Option(names = "--namespace", defaultValue = "${env:OPENCHOREO_NAMESPACE:-default}",
            description = "Namespace to look into (env OPENCHOREO_NAMESPACE; default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--component", defaultValue = "${env:OPENCHOREO_COMPONENT}",
            description = "Component whose Workloads to look up (env OPENCHOREO_COMPONENT; any valid name works).")
    String component;

    @Override
    Integer run() {
        Output output = newOutput();
        Credentials credentials = credentials();
        ConnectionCheck.Result result = ConnectionCheck.run(connection.settings(), credentials, engine(),
                namespace, component, output);
        ObjectNode json = Json.object();
        json.put("identity", result.identity());
        json.put("subject", result.subject());
        json.put("serverVersion", result.version().toString());
        json.put("namespace", result.namespace());
        json.put("component", result.component());
        json.put("workloads", result.workloads());
        output.result(result.summary(), json);
        return ExitCodes.OK;
    }
}
