package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;

/** The cli/openchoreo launcher and the class data sharing archive the build makes for it. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "cli/openchoreo is a POSIX shell script")
class LauncherIT {

    @Test
    void theArchiveMatchesTheJarAndThisJvm() {
        // -Xshare:on fails the start instead of falling back, so exit 0 proves the archive is mapped.
        PackagedCli.Run run = PackagedCli.java(Map.of(), List.of("-Xshare:on",
                "-XX:SharedArchiveFile=" + PackagedCli.archive(), "-jar", PackagedCli.jar().toString()), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith("openchoreo ");
    }

    @Test
    void theLauncherRunsTheDemoWithCleanJsonOnStdout() {
        Path launcher = PackagedCli.launcher();
        assertThat(launcher).isExecutable();
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));

        PackagedCli.Run run = PackagedCli.exec(env, List.of(launcher.toString(), "demo", "-o", "json", "-q"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("deploys").size()).isEqualTo(3);
        assertThat(run.stderr()).isEmpty();
    }
}
