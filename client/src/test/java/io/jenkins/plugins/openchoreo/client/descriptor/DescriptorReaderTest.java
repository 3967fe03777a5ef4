package io.jenkins.plugins.openchoreo.client.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptors written for what the samples lack, and every way a descriptor is refused. */
class DescriptorReaderTest {

    @TempDir
    Path repo;

    private Path write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Descriptor read(String path) {
        return new DescriptorReader(new LocalWorkspaceFiles(repo)).read(path);
    }

    private InvalidRequestException refused(String path) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> read(path));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DESCRIPTOR);
        return e;
    }

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    private static JsonNode applied(Descriptor descriptor) {
        return descriptor.overlay().applyTo(Workload.minimal("app-workload", "p", "app", "r/app:1").toJson())
                .path("spec");
    }

    @Test
    void everyKindOfEntryIsConverted() throws IOException {
        write("svc/api.proto", "syntax = \"proto3\";\n");
        write("svc/schema.graphql", "type Query { a: Int }\n");
        write("svc/events.txt", "socket notes\n");
        write("svc/conf/tls.conf", "ciphers=strong\n");
        write("shared/logging.json", "{\"level\":\"info\"}\n");
        write("svc/workload.yaml", """
                apiVersion: openchoreo.dev/v1alpha1
                metadata: {name: ignored-name}
                endpoints:
                  - name: grpc-api
                    type: gRPC
                    port: 9000
                    targetPort: 9001
                    schemaFile: api.proto
                  - name: graph
                    type: GraphQL
                    port: 8080
                    basePath: /graphql
                    displayName: Graph API
                    visibility: [namespace, internal, namespace]
                    schemaFile: ./schema.graphql
                  - name: events
                    type: Websocket
                    port: 8081
                    schemaFile: events.txt
                  - name: stats
                    type: UDP
                    port: 5000
                configurations:
                  env:
                    - {name: LOG_LEVEL, value: debug}
                    - {name: DB_PW, valueFrom: {secretKeyRef: {name: db, key: pw}}}
                    - {name: EMPTY, value: ""}
                    - {name: PORT, value: 8080}
                  files:
                    - {name: app.json, mountPath: /etc/cfg, value: "{}"}
                    - {name: tls.conf, mountPath: /etc/app, valueFrom: {path: conf/tls.conf}}
                    - {name: logging.json, mountPath: /etc/log, valueFrom: {path: ../shared/logging.json}}
                    - {name: cert.pem, mountPath: /etc/tls, valueFrom: {secretKeyRef: {name: tls, key: cert}}}
                dependencies:
                  endpoints:
                    - {component: pg, name: api, visibility: namespace, project: p2,
                       envBindings: {host: DB_HOST, port: DB_PORT, address: DB_ADDR, basePath: DB_BASE}}
                  resources:
                    - ref: cache
                      envBindings: {url: CACHE_URL}
                      fileBindings: {ca: /etc/cache/ca.pem}
                    - ref: queue
                """);

        Descriptor descriptor = read("svc/workload.yaml");

        assertThat(descriptor.warnings()).isEmpty();
        assertThat(applied(descriptor)).isEqualTo(json("""
                {"owner": {"projectName": "p", "componentName": "app"},
                 "container": {"image": "r/app:1",
                   "env": [{"key": "LOG_LEVEL", "value": "debug"},
                           {"key": "DB_PW", "valueFrom": {"secretKeyRef": {"name": "db", "key": "pw"}}},
                           {"key": "EMPTY"},
                           {"key": "PORT", "value": "8080"}],
                   "files": [{"key": "app.json", "mountPath": "/etc/cfg", "value": "{}"},
                             {"key": "tls.conf", "mountPath": "/etc/app", "value": "ciphers=strong\\n"},
                             {"key": "logging.json", "mountPath": "/etc/log", "value": "{\\"level\\":\\"info\\"}\\n"},
                             {"key": "cert.pem", "mountPath": "/etc/tls",
                              "valueFrom": {"secretKeyRef": {"name": "tls", "key": "cert"}}}]},
                 "endpoints": {
                   "grpc-api": {"type": "gRPC", "port": 9000, "targetPort": 9001,
                                "schema": {"type": "proto", "content": "syntax = \\"proto3\\";\\n"}},
                   "graph": {"type": "GraphQL", "port": 8080, "basePath": "/graphql", "displayName": "Graph API",
                             "visibility": ["namespace", "internal"],
                             "schema": {"type": "graphql", "content": "type Query { a: Int }\\n"}},
                   "events": {"type": "Websocket", "port": 8081, "schema": {"content": "socket notes\\n"}},
                   "stats": {"type": "UDP", "port": 5000}},
                 "dependencies": {
                   "endpoints": [{"component": "pg", "name": "api", "visibility": "namespace", "project": "p2",
                                  "envBindings": {"host": "DB_HOST", "port": "DB_PORT", "address": "DB_ADDR",
                                                  "basePath": "DB_BASE"}}],
                   "resources": [{"ref": "cache", "envBindings": {"url": "CACHE_URL"},
                                  "fileBindings": {"ca": "/etc/cache/ca.pem"}},
                                 {"ref": "queue"}]}}
                """));
    }

    @Test
    void keysMatchWhateverTheirCase() throws IOException {
        write("workload.yaml", """
                Endpoints:
                  - NAME: api
                    Port: 8080
                    TYPE: HTTP
                    Visibility: [external]
                CONFIGURATIONS:
                  Env:
                    - Name: A
                      ValueFrom: {SecretKeyRef: {Name: s, KEY: k}}
                DEPENDENCIES:
                  Resources: [{REF: cache}]
                """);

        WorkloadOverlay overlay = read("workload.yaml").overlay();

        assertThat(overlay.endpoints().get("api")).isEqualTo(json(
                "{\"type\":\"HTTP\",\"port\":8080,\"visibility\":[\"external\"]}"));
        assertThat(overlay.env().get("A")).isEqualTo(json(
                "{\"key\":\"A\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"s\",\"key\":\"k\"}}}"));
        assertThat(overlay.dependencyResources()).containsOnlyKeys("cache");
    }

    @Test
    void aRepeatedEndpointNameKeepsTheLastWithAWarning() throws IOException {
        write("app/workload.yaml", """
                endpoints:
                  - {name: api, port: 8080, type: HTTP}
                  - {name: api, port: 9090, type: gRPC}
                configurations:
                  env: [{name: A, value: "1"}, {name: A, value: "2"}]
                kind: Workload
                metadata: {name: x, labels: {a: b}}
                """);

        Descriptor descriptor = read("./app//workload.yaml");

        assertThat(descriptor.path()).isEqualTo("app/workload.yaml");
        assertThat(descriptor.overlay().endpoints().get("api").path("port").asInt()).isEqualTo(9090);
        assertThat(descriptor.overlay().env().get("A").path("value").asText()).isEqualTo("2");
        assertThat(descriptor.warnings()).containsExactly(
                "app/workload.yaml: unknown key \"kind\" ignored",
                "app/workload.yaml: unknown key \"metadata.labels\" ignored",
                "app/workload.yaml: endpoints[1].name: endpoint \"api\" is defined more than once; the last definition wins",
                "app/workload.yaml: configurations.env[1].name: env \"A\" is defined more than once; the last definition wins");
    }

    @Test
    void aDescriptorWithOnlyUnknownKeysAddsNothing() throws IOException {
        write("workload.yaml", "image: {name: x}\nendpoints:\nconfigurations: {}\n");

        Descriptor descriptor = read("workload.yaml");

        assertThat(descriptor.overlay().isEmpty()).isTrue();
        assertThat(descriptor.warnings()).containsExactly("workload.yaml: unknown key \"image\" ignored");
    }

    @Test
    void aSecretKeyRefWinsOverAFilePathWithAWarning() throws IOException {
        write("workload.yaml", """
                configurations:
                  files:
                    - name: a
                      mountPath: /a
                      valueFrom: {path: missing.txt, secretKeyRef: {name: s, key: k}}
                """);

        Descriptor descriptor = read("workload.yaml");

        assertThat(descriptor.overlay().files().get("a").path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("s");
        assertThat(descriptor.warnings()).containsExactly(
                "workload.yaml: configurations.files[0].valueFrom.path: ignored: secretKeyRef takes precedence");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsField() throws IOException {
        write("app/workload.yaml", """
                endpoints:
                  - name: Bad_Name
                    port: 70000
                    type: http
                    targetPort: zero
                    visibility: [public]
                  - port: 8080
                  - just-a-string
                configurations:
                  env:
                    - {name: 1BAD, value: x}
                    - {value: orphan}
                    - {name: BOTH, value: x, valueFrom: {secretKeyRef: {name: s, key: k}}}
                    - {name: FILE, valueFrom: {path: f.txt}}
                    - {name: REF, valueFrom: {secretKeyRef: {name: "", key: k}}}
                    - {name: NOREF, valueFrom: {}}
                    - {name: LIST, value: [a, b]}
                  files:
                    - {name: a.json}
                    - {mountPath: /m, value: x, valueFrom: {path: a.txt}}
                    - {name: b, mountPath: /b, valueFrom: {}}
                    - {name: c, mountPath: /c, valueFrom: {secretKeyRef: {key: k}}}
                dependencies:
                  endpoints:
                    - {visibility: external, envBindings: {address: ""}}
                    - {component: pg, name: api, visibility: project, project: Other}
                  resources:
                    - {envBindings: {url: ""}}
                    - {ref: cache, fileBindings: [x]}
                """);

        InvalidRequestException e = refused("app/workload.yaml");

        assertThat(e.fieldErrors()).allSatisfy(error -> assertThat(error.where()).isEqualTo("app/workload.yaml"));
        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly(
                "endpoints[0].name", "endpoints[0].type", "endpoints[0].port", "endpoints[0].targetPort",
                "endpoints[0].visibility[0]",
                "endpoints[1].name", "endpoints[1].type",
                "endpoints[2]",
                "configurations.env[0].name",
                "configurations.env[1].name",
                "configurations.env[2].valueFrom",
                "configurations.env[3].valueFrom.path",
                "configurations.env[4].valueFrom.secretKeyRef.name",
                "configurations.env[5].valueFrom.secretKeyRef",
                "configurations.env[6].value",
                "configurations.files[0].mountPath",
                "configurations.files[1].name", "configurations.files[1].valueFrom",
                "configurations.files[1].valueFrom.path",
                "configurations.files[2].valueFrom.path",
                "configurations.files[3].valueFrom.secretKeyRef.name",
                "dependencies.endpoints[0].component", "dependencies.endpoints[0].name",
                "dependencies.endpoints[0].visibility", "dependencies.endpoints[0].envBindings.address",
                "dependencies.endpoints[1].project", "dependencies.endpoints[1].envBindings",
                "dependencies.resources[0].ref", "dependencies.resources[0].envBindings.url",
                "dependencies.resources[1].fileBindings");
        assertThat(e.fieldErrors()).anySatisfy(error -> assertThat(error.toString()).isEqualTo(
                "app/workload.yaml: endpoints[0].port: the value \"70000\" is not a port: use a whole number from 1 to 65535"));
        assertThat(e.fieldErrors()).anySatisfy(error -> assertThat(error.toString()).isEqualTo(
                "app/workload.yaml: endpoints[0].type: \"http\" is not allowed: use one of "
                        + "[HTTP, gRPC, GraphQL, Websocket, TCP, UDP]"));
        assertThat(e.fieldErrors()).anySatisfy(error -> assertThat(error.toString()).isEqualTo(
                "app/workload.yaml: endpoints[0].visibility[0]: \"public\" is not allowed: use one of "
                        + "[project, namespace, internal, external]"));
        assertThat(e.fieldErrors()).anySatisfy(error -> assertThat(error.toString()).isEqualTo(
                "app/workload.yaml: configurations.env[2].valueFrom: value and valueFrom are mutually exclusive"));
        assertThat(e.fieldErrors()).anySatisfy(error -> assertThat(error.toString()).isEqualTo(
                "app/workload.yaml: dependencies.endpoints[0].visibility: \"external\" is not allowed: use one of "
                        + "[project, namespace]"));
        assertThat(e.getMessage()).startsWith("app/workload.yaml has 30 problems:")
                .contains("  - app/workload.yaml: endpoints[0].name: the endpoint name \"Bad_Name\" is not valid");
    }

    @Test
    void moreThanFiftyDependenciesOfAKindAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("dependencies:\n  resources:\n");
        for (int i = 0; i < 51; i++) {
            yaml.append("    - {ref: r").append(i).append("}\n");
        }
        write("workload.yaml", yaml.toString());

        assertThat(refused("workload.yaml").fieldErrors()).containsExactly(new FieldError("workload.yaml",
                "dependencies.resources", "has 51 entries; at most 50 are allowed"));
    }

    @Test
    void aMissingDescriptorSaysWhereItWasLookedFor() {
        InvalidRequestException e = refused("app/workload.yaml");
        assertThat(e.fieldErrors()).containsExactly(new FieldError("app/workload.yaml", "file",
                "file not found at " + repo.resolve("app/workload.yaml"), WorkspaceText.NOT_FOUND_HINT));
        // Its own hint, not the descriptor code's "fix the fields listed above" (issue 18, point 7).
        assertThat(e.hint()).isEqualTo(WorkspaceText.NOT_FOUND_HINT).contains("relative to the repository root");
    }

    @Test
    void pathsOutsideTheRepositoryAreRefused() {
        assertThat(refused("../workload.yaml").fieldErrors().get(0).message())
                .contains("leads outside the repository root");
        assertThat(refused("/etc/workload.yaml").fieldErrors().get(0).message())
                .contains("is not a path relative to the repository root");
        assertThat(refused("C:\\app\\workload.yaml").fieldErrors()).hasSize(1);
        assertThat(refused("app/..").fieldErrors().get(0).message()).contains("names the repository root");
        assertThat(refused(" ").fieldErrors().get(0).message()).isEqualTo("the path is empty");
        assertThat(refused(null).fieldErrors().get(0).where()).isEqualTo("descriptor");
    }

    @Test
    void aSchemaFileOutsideTheRepositoryOrMissingIsRefused() throws IOException {
        write("app/workload.yaml", """
                endpoints:
                  - {name: a, port: 1, type: HTTP, schemaFile: ../../secret.yaml}
                  - {name: b, port: 2, type: HTTP, schemaFile: missing.yaml}
                  - {name: c, port: 3, type: HTTP, schemaFile: /etc/passwd}
                configurations:
                  files: [{name: f, mountPath: /f, valueFrom: {path: [x]}}]
                """);

        assertThat(refused("app/workload.yaml").fieldErrors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("endpoints[0].schemaFile",
                                "\"app/../../secret.yaml\" leads outside the repository root"),
                        org.assertj.core.groups.Tuple.tuple("endpoints[1].schemaFile",
                                "file not found at " + repo.resolve("app/missing.yaml")),
                        org.assertj.core.groups.Tuple.tuple("endpoints[2].schemaFile",
                                "\"/etc/passwd\" is not a path relative to the repository root (e.g. app/workload.yaml)"),
                        org.assertj.core.groups.Tuple.tuple("configurations.files[0].valueFrom.path",
                                "must be a single value, not a list"));
    }

    @Test
    void aSymbolicLinkOutOfTheRepositoryIsRefused(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "password");
        Files.createSymbolicLink(repo.resolve("link.txt"), outside.resolve("secret.txt"));
        write("workload.yaml", "configurations:\n  files: [{name: f, mountPath: /f, valueFrom: {path: link.txt}}]\n");

        assertThat(refused("workload.yaml").fieldErrors().get(0).message())
                .isEqualTo("the file link.txt cannot be read: link.txt: a link leading outside the repository root");
    }

    @Test
    void aFileLargerThanOneMebibyteIsRefused() throws IOException {
        write("big.yaml", "#".repeat(1024 * 1024 + 1));
        write("workload.yaml", "endpoints: [{name: a, port: 1, type: HTTP, schemaFile: big.yaml}]\n");

        assertThat(refused("big.yaml").fieldErrors().get(0).message())
                .isEqualTo("the file big.yaml is larger than 1 MiB");
        assertThat(refused("workload.yaml").fieldErrors().get(0).message())
                .isEqualTo("the file big.yaml is larger than 1 MiB");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Files.write(repo.resolve("workload.yaml"), "endpoints: [caf\u00e9]".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refused("workload.yaml").fieldErrors().get(0).message())
                .isEqualTo("the file workload.yaml is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        write("workload.yaml", "\uFEFFendpoints: [{name: a, port: 1, type: TCP}]\n");

        assertThat(read("workload.yaml").overlay().endpoints()).containsOnlyKeys("a");
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() throws IOException {
        write("workload.yaml", "endpoints:\n  - name: a\n   port: 1\n");

        FieldError error = refused("workload.yaml").fieldErrors().get(0);

        assertThat(error.field()).isEqualTo("line 3, column 4");
        assertThat(error.message()).startsWith("YAML syntax error: ").doesNotContain("\tat ");
    }

    @Test
    void aliasesAreRefusedSoNoAliasBombCanExpand() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(("*" + (char) (c - 1) + ", ").repeat(9)).append("]\n");
        }
        write("workload.yaml", bomb.toString());
        write("scalar.yaml", "endpoints:\n  - name: &n api\n    port: 1\n    type: HTTP\n    displayName: *n\n");

        assertThat(refused("workload.yaml").fieldErrors().get(0).message())
                .contains("YAML aliases (*a) are not supported");
        assertThat(refused("scalar.yaml").fieldErrors().get(0))
                .satisfies(e -> assertThat(e.field()).isEqualTo("line 5, column 18"));
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        write("workload.yaml", "a: " + "[".repeat(200) + "]".repeat(200) + "\n");

        assertThat(refused("workload.yaml").fieldErrors().get(0).message()).startsWith("YAML");
    }

    @Test
    void anEmptyFileOrOneWithOnlyCommentsIsRefused() throws IOException {
        write("empty.yaml", "");
        write("comments.yaml", "# nothing here\n");

        assertThat(refused("empty.yaml").fieldErrors().get(0).message()).startsWith("the file is empty");
        assertThat(refused("comments.yaml").fieldErrors().get(0).message()).startsWith("the file is empty");
    }

    @Test
    void aTopLevelListIsRefused() throws IOException {
        write("workload.yaml", "- name: api\n  port: 8080\n");

        assertThat(refused("workload.yaml").fieldErrors()).containsExactly(new FieldError("workload.yaml", "file",
                "the top level must be a mapping (endpoints:, configurations:, dependencies:), not a list"));
    }

    @Test
    void sectionsOfTheWrongShapeAreReported() throws IOException {
        write("workload.yaml", "endpoints: {name: api}\nconfigurations: [env]\ndependencies: none\n");

        assertThat(refused("workload.yaml").fieldErrors()).extracting(FieldError::toString).containsExactly(
                "workload.yaml: endpoints: must be a list (- item), not a mapping",
                "workload.yaml: configurations: must be a mapping (key: value), not a list",
                "workload.yaml: dependencies: must be a mapping (key: value), not the value \"none\"");
    }
}
