package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The waitTimeout argument's forms, and the multibranch check by class name (no Jenkins needed). */
class WaitTimeoutTest {

    @Test
    void acceptedForms() {
        assertThat(WaitTimeout.parse(null)).isNull();
        assertThat(WaitTimeout.parse("  ")).isNull();
        assertThat(WaitTimeout.parse("10")).isEqualTo(Duration.ofMinutes(10));
        assertThat(WaitTimeout.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(WaitTimeout.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(WaitTimeout.parse("10 min")).isEqualTo(Duration.ofMinutes(10));
        assertThat(WaitTimeout.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(WaitTimeout.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(WaitTimeout.parse("2m30s")).isEqualTo(Duration.ofSeconds(150));
        assertThat(WaitTimeout.parse(" 2M30S ")).isEqualTo(Duration.ofSeconds(150));
        assertThat(WaitTimeout.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(WaitTimeout.parse("pt10m")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusedForms() {
        for (String bad : new String[] {"soon", "1.5h", "-5", "10x", "h", "m30", "P", "PT"}) {
            IllegalArgumentException e = assertThatExceptionOfType(IllegalArgumentException.class).as(bad)
                    .isThrownBy(() -> WaitTimeout.parse(bad)).actual();
            assertThat(e.getMessage().contains("is not a duration")).as(e.getMessage()).isTrue();
        }
        assertThat(assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> WaitTimeout.parse("0"))
                .actual().getMessage()
                .contains("longer than zero")).isTrue();
        assertThat(assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> WaitTimeout.parse("25h"))
                .actual().getMessage()
                .contains("longer than 24 hours")).isTrue();
    }

    @Test
    void multibranchProjectsAreRecognisedByClassName() {
        assertThat(JobNames.isMultiBranchProject(Object.class)).isFalse();
        assertThat(JobNames.isMultiBranchProject(String.class)).isFalse();
        assertThat(JobNames.MULTIBRANCH_PROJECT).isEqualTo("jenkins.branch.MultiBranchProject");
    }
}
