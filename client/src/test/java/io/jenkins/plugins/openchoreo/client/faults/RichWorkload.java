package io.jenkins.plugins.openchoreo.client.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;

/**
 * A Workload as a platform engineer left it, with every kind of field the server keeps: command
 * and args, env with a value and a secret reference, files, endpoints with a schema, dependencies
 * on endpoints and resources, labels and annotations. An image update must keep all of it.
 */
public final class RichWorkload {

    private RichWorkload() {}

    public static ObjectNode of(String name, String project, String component, String image) {
        ObjectNode doc = Json.object();
        ObjectNode metadata = doc.putObject("metadata").put("name", name);
        metadata.putObject("labels").put("team", "payments").put("tier", "backend");
        metadata.putObject("annotations").put("owner", "alice@example.com").put("docs", "https://wiki/greeter");
        ObjectNode spec = doc.putObject("spec");
        spec.putObject("owner").put("projectName", project).put("componentName", component);
        ObjectNode container = spec.putObject("container").put("image", image);
        container.putArray("command").add("/app");
        container.putArray("args").add("--port").add("9090");
        container.putArray("env").addObject().put("key", "LOG_LEVEL").put("value", "info");
        container.withArray("env").addObject().put("key", "DB_PW").putObject("valueFrom")
                .putObject("secretKeyRef").put("name", "db").put("key", "pw");
        container.putArray("files").addObject().put("key", "app.json").put("mountPath", "/etc/cfg").put("value", "{}");
        ObjectNode api = spec.putObject("endpoints").putObject("api").put("type", "HTTP").put("port", 9090)
                .put("targetPort", 9090).put("basePath", "/api").put("displayName", "API");
        api.putArray("visibility").add("external");
        api.putObject("schema").put("type", "openapi").put("content", "openapi: 3.0.0\ninfo: {title: greeter}\n");
        ObjectNode dependencies = spec.putObject("dependencies");
        ObjectNode pg = dependencies.putArray("endpoints").addObject().put("component", "pg").put("name", "api")
                .put("visibility", "project").put("project", "p2");
        pg.putObject("envBindings").put("host", "DB_HOST").put("port", "DB_PORT");
        dependencies.putArray("resources").addObject().put("ref", "cache").putObject("envBindings")
                .put("url", "CACHE_URL");
        return doc;
    }
}
