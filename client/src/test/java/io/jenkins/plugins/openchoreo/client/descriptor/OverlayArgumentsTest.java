package io.jenkins.plugins.openchoreo.client.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step's env, endpoints, files and dependencies arguments. */
class OverlayArgumentsTest {

    @TempDir
    Path repo;

    private WorkloadOverlay parse(List<String> env, String endpoints, String files, String dependencies) {
        return OverlayArguments.parse(env, endpoints, files, dependencies, new LocalWorkspaceFiles(repo));
    }

    private List<FieldError> refused(List<String> env, String endpoints, String files, String dependencies) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> parse(env, endpoints, files, dependencies));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        return e.fieldErrors();
    }

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void nothingGivenIsAnEmptyOverlay() {
        assertThat(parse(null, null, null, null).isEmpty()).isTrue();
        assertThat(parse(List.of(), " ", "", "\n")).isEqualTo(WorkloadOverlay.empty());
    }

    @Test
    void envEntriesAreKeyEqualsValueAndTheValueMayHoldEquals() throws IOException {
        WorkloadOverlay overlay = parse(List.of("LOG_LEVEL=debug", "QUERY=a=b&c=d", "EMPTY=", "LOG_LEVEL=info"),
                null, null, null);

        assertThat(overlay.env()).containsOnlyKeys("LOG_LEVEL", "QUERY", "EMPTY");
        assertThat(overlay.env().get("QUERY")).isEqualTo(json("{\"key\":\"QUERY\",\"value\":\"a=b&c=d\"}"));
        assertThat(overlay.env().get("EMPTY")).isEqualTo(json("{\"key\":\"EMPTY\"}"));
        assertThat(overlay.env().get("LOG_LEVEL").path("value").asText()).isEqualTo("info");
    }

    @Test
    void badEnvEntriesAreEachReported() {
        assertThat(refused(Arrays.asList("NOEQUALS", "=x", "1X=y", null), null, null, null))
                .extracting(FieldError::toString).containsExactly(
                        "env: env[0]: \"NOEQUALS\" is not KEY=value (e.g. LOG_LEVEL=debug)",
                        "env: env[1]: is required (e.g. LOG_LEVEL)",
                        "env: env[2]: \"1X\" is not a valid environment variable name: use letters, digits, '_', "
                                + "'-' or '.', not starting with a digit (e.g. LOG_LEVEL)",
                        "env: env[3]: \"\" is not KEY=value (e.g. LOG_LEVEL=debug)");
    }

    @Test
    void endpointsAreTheDescriptorsListInYamlOrJson() throws IOException {
        WorkloadOverlay yaml = parse(null, "- {name: api, port: 8080, type: HTTP, visibility: [external]}", null, null);
        WorkloadOverlay fromJson = parse(null,
                "[{\"name\":\"api\",\"port\":8080,\"type\":\"HTTP\",\"visibility\":[\"external\"]}]", null, null);

        assertThat(yaml).isEqualTo(fromJson);
        assertThat(yaml.endpoints().get("api"))
                .isEqualTo(json("{\"type\":\"HTTP\",\"port\":8080,\"visibility\":[\"external\"]}"));
    }

    @Test
    void filesReadTheirPathFromTheRepositoryRoot() throws IOException {
        Files.createDirectories(repo.resolve("config"));
        Files.writeString(repo.resolve("config/app.json"), "{}");

        WorkloadOverlay overlay = parse(null, null, """
                - name: app.json
                  mountPath: /etc/app
                  valueFrom: {path: config/app.json}
                """, null);

        assertThat(overlay.files().get("app.json"))
                .isEqualTo(json("{\"key\":\"app.json\",\"mountPath\":\"/etc/app\",\"value\":\"{}\"}"));
    }

    @Test
    void dependenciesAreTheDescriptorsMapping() {
        WorkloadOverlay overlay = parse(null, null, null, """
                endpoints: [{component: pg, name: db, visibility: project, envBindings: {address: DB_URL}}]
                resources: [{ref: cache, envBindings: {url: CACHE_URL}}]
                """);

        assertThat(overlay.dependencyEndpoints()).singleElement()
                .satisfies(d -> assertThat(d.path("envBindings").path("address").asText()).isEqualTo("DB_URL"));
        assertThat(overlay.dependencyResources()).containsOnlyKeys("cache");
    }

    @Test
    void problemsOfAllArgumentsAreReportedTogetherNamingTheArgument() {
        List<FieldError> errors = refused(List.of("OK=1", "bad"),
                "- {name: api, port: 0, type: HTTP, visiblity: [external]}",
                "- name: a\n  mountPath: /a\n  valueFrom: {path: ../outside.txt}\n",
                "endpoints: [{component: pg, name: db, visibility: project}]\nresources: x: y");

        assertThat(errors).extracting(FieldError::where, FieldError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("env", "env[1]"),
                org.assertj.core.groups.Tuple.tuple("endpoints", "endpoints[0].visiblity"),
                org.assertj.core.groups.Tuple.tuple("endpoints", "endpoints[0].port"),
                org.assertj.core.groups.Tuple.tuple("files", "files[0].valueFrom.path"),
                org.assertj.core.groups.Tuple.tuple("dependencies", "line 2, column 13"));
        assertThat(errors.get(1).message()).isEqualTo("unknown key; the keys here are name, port, type, targetPort, "
                + "basePath, displayName, visibility, schemaFile");
    }

    @Test
    void argumentsWinOverTheDescriptorEntryByEntry() throws IOException {
        Files.writeString(repo.resolve("workload.yaml"), """
                endpoints: [{name: api, port: 8080, type: HTTP}, {name: admin, port: 9000, type: HTTP}]
                configurations:
                  env: [{name: LOG_LEVEL, value: info}, {name: MODE, value: prod}]
                """);
        WorkloadOverlay descriptor = new DescriptorReader(new LocalWorkspaceFiles(repo)).read("workload.yaml")
                .overlay();

        WorkloadOverlay arguments = parse(List.of("LOG_LEVEL=debug", "EXTRA=1"),
                "[{name: api, port: 8081, type: HTTP}]",
                null, null);
        WorkloadOverlay merged = arguments.over(descriptor);

        assertThat(merged.env()).containsOnlyKeys("LOG_LEVEL", "MODE", "EXTRA");
        assertThat(merged.env().get("LOG_LEVEL").path("value").asText()).isEqualTo("debug");
        assertThat(merged.env().get("MODE").path("value").asText()).isEqualTo("prod");
        assertThat(merged.endpoints().get("api").path("port").asInt()).isEqualTo(8081);
        assertThat(merged.endpoints().get("admin").path("port").asInt()).isEqualTo(9000);
    }
}
