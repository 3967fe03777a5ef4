package io.jenkins.plugins.openchoreo.client.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.rollout.EndpointUrl;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Pipeline scripts and {@code --output json} read: the summary, the map and the JSON of a
 * result, byte for byte as recorded (deploy/result-golden.txt) before the result was grouped.
 */
class DeployResultTest {

    private static final RolloutResult READY = new RolloutResult("greeter-1a2b", "development",
            "2026-01-02T03:04:05Z", List.of(new EndpointUrl("api", "HTTP", "https://api.example.com/greet",
                    "http://greeter.svc:9090", Map.of("http", "http://internal/greet"),
                    Map.of("https", "https://external/greet"))));

    private static DeployResult result(String namespace, String project, String component, String portalUrl,
            DeployResult.Change change, Traffic traffic, RolloutResult rollout, List<String> warnings) {
        return new DeployResult(new DeployResult.Target(namespace, project, component, component + "-workload",
                portalUrl), change, traffic, rollout, warnings);
    }

    @Test
    void summaryMapAndJsonAreAsRecorded() throws IOException {
        List<DeployResult> results = List.of(
                result("default", "shop", "greeter", "https://portal/catalog/default/component/greeter",
                        new DeployResult.Change(DeployOutcome.UPDATED, false, "image-only", "r/g:2", "r/g:1",
                                List.of("image: r/g:1 → r/g:2", "env: + A"),
                                "{\"metadata\":{\"name\":\"greeter-workload\"},\"spec\":{}}", true),
                        new Traffic(List.of("req-1", "req-2"), 3, 1, 42L), READY,
                        List.of("Not following\nthe rollout.")),
                result("ns", "p", "c", null, new DeployResult.Change(DeployOutcome.CREATED, true, "replace", "r/c:1",
                        null, List.of(), "not json {", false), new Traffic(List.of(), 0, 0, 0L), null, List.of()),
                result("ns", "p", "c", null, new DeployResult.Change(DeployOutcome.UNCHANGED, false, "image-only",
                        "r/c:1", "r/c:1", List.of(), "{}", false), new Traffic(List.of("x"), 2, 0, 7L), null,
                        List.of("w")),
                result("ns", "p", "c", null, new DeployResult.Change(DeployOutcome.CREATED, false, "image-only",
                        "r/c:1", null, List.of("image: r/c:1"), "{}", false), new Traffic(List.of(), 1, 1, 5L), READY,
                        List.of()));
        StringBuilder rendered = new StringBuilder();
        for (DeployResult result : results) {
            rendered.append(result.summary()).append('\n').append(result.toMap()).append('\n')
                    .append(result.toJson()).append('\n');
        }
        try (InputStream golden = DeployResultTest.class.getResourceAsStream("/deploy/result-golden.txt")) {
            assertThat(rendered.toString()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void isImmutable() {
        List<String> changes = new ArrayList<>(List.of("image: r/c:1"));
        List<String> ids = new ArrayList<>(List.of("x"));
        List<String> warnings = new ArrayList<>(List.of("w"));
        DeployResult result = result("ns", "p", "c", null, new DeployResult.Change(DeployOutcome.CREATED, false,
                "image-only", "r/c:1", null, changes, "{}", false), new Traffic(ids, 1, 1, 5L), null, warnings);
        changes.clear();
        ids.clear();
        warnings.clear();
        assertThat(result.change().changes()).containsExactly("image: r/c:1");
        assertThat(result.traffic().requestIds()).containsExactly("x");
        assertThat(result.warnings()).containsExactly("w");
        assertThatThrownBy(() -> result.warnings().add("v")).isInstanceOf(UnsupportedOperationException.class);
    }
}
