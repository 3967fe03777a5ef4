package io.jenkins.plugins.openchoreo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void nearestRankPercentiles() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(Percentiles.of(values, 50)).isEqualTo(5.0);
        assertThat(Percentiles.of(values, 95)).isEqualTo(10.0);
        assertThat(Percentiles.of(values, 10)).isEqualTo(1.0);
        assertThat(Percentiles.of(List.of(), 50)).isNaN();
    }

    @Test
    void floorIsRoundTripsInSequenceTimesLatencyAndRatioIsWallOverFloor() {
        Sample sample = new Sample(42.0, 2, 0, 2, 20);
        assertThat(sample.floorMillis()).isEqualTo(40);
        assertThat(sample.ratio()).isEqualTo(1.05);
        assertThat(new Sample(3.0, 1, 1, 2, 100).floorMillis()).isEqualTo(200);
        // Four requests, two of them at once: three latencies, not four.
        Sample overlapped = new Sample(160.0, 4, 0, 3, 50);
        assertThat(overlapped.roundTrips()).isEqualTo(4);
        assertThat(overlapped.floorMillis()).isEqualTo(150);
    }

    @Test
    void withoutLatencyTheRatioIsNotApplicable() {
        Samples samples = new Samples(List.of(new Sample(1.2, 2, 0, 2, 0), new Sample(1.4, 2, 0, 2, 0)));
        assertThat(samples.ratioPercentile(50)).isNaN();
        assertThat(Samples.ratio(samples.ratioPercentile(95))).isEqualTo("n/a");
    }

    @Test
    void perDeployCountsShowARangeOnlyWhenTheyDiffer() {
        Samples samples = new Samples(List.of(new Sample(50, 2, 1, 3, 20), new Sample(41, 2, 0, 2, 20),
                new Sample(42, 2, 0, 2, 20)));
        assertThat(samples.apiPerDeploy()).isEqualTo("2");
        assertThat(samples.roundTripsPerDeploy()).isEqualTo("2–3 / 2–3");
        assertThat(samples.identityProviderPerDeploy()).isEqualTo("0–1");
        assertThat(samples.identityProviderTotal()).isEqualTo(1);
        // ratios 50/60, 41/40, 42/40
        assertThat(Samples.ratio(samples.ratioPercentile(50))).isEqualTo("1.025");
        assertThat(Samples.ratio(samples.ratioPercentile(95))).isEqualTo("1.050");
        assertThat(Samples.millis(samples.wallPercentile(50))).isEqualTo("42.0");
    }

    @Test
    void tableEscapesPipesAndPadsColumns() {
        String table = new MarkdownTable("a", "bee").row("x|y", 1).render();
        assertThat(table).isEqualTo("""
                | a    | bee |
                | ---- | --- |
                | x\\|y | 1   |
                """);
    }
}
