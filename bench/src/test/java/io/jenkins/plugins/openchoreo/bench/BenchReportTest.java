package io.jenkins.plugins.openchoreo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static Samples walls(double... millis) {
        return new Samples(java.util.Arrays.stream(millis).mapToObj(w -> new Sample(w, 4, 1, 4, 50)).toList());
    }

    @Test
    void theSummaryDividesEachToolsUpdateAtTheHighestLatencyByTheScripts() {
        BenchReport report = new BenchReport();
        for (long latency : List.of(0L, 50L)) {
            Map<String, Samples> byTool = new LinkedHashMap<>();
            byTool.put(ToolComparison.SCRIPT, walls(300, 330, 360));
            byTool.put("launcher", walls(latency == 50 ? 396 : 999, 400, 500));
            byTool.put("java -jar", walls(660, 700, 800));
            report.addTools(latency, "create", byTool);
            report.addTools(latency, "update", byTool);
        }

        assertThat(report.summary()).isEqualTo("""
                At 50 ms, an image update's p50 in the guide's script's time:
                - launcher: 1.212×
                - java -jar: 2.121×
                """);
    }
}
