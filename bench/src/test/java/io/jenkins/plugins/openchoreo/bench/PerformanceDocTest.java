package io.jenkins.plugins.openchoreo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerformanceDocTest {

    private static final String SECTION = "## Deploy benchmarks\n\nnew\n";

    @Test
    void appendsTheSectionAfterOtherSections() {
        assertThat(PerformanceDoc.withSection("# Performance\n\n## CLI cold start\n\nx\n", SECTION))
                .isEqualTo("# Performance\n\n## CLI cold start\n\nx\n\n## Deploy benchmarks\n\nnew\n");
    }

    @Test
    void replacesOnlyItsOwnSection() {
        String before = "# Performance\n\n## Deploy benchmarks\n\nold\n### sub\nold\n\n## CLI cold start\n\nx\n";
        assertThat(PerformanceDoc.withSection(before, SECTION))
                .isEqualTo("# Performance\n\n## Deploy benchmarks\n\nnew\n\n## CLI cold start\n\nx\n");
    }
}
