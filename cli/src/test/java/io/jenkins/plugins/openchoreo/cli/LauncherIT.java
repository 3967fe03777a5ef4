package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.openchoreo.cli.StartupTraining.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The cli/openchoreo launcher and the start-up archives the build makes for it (StartupTraining). */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "cli/openchoreo is a POSIX shell script")
class LauncherIT {

    private static final Jdk THIS_JAVA = Jdk.at(Path.of(System.getProperty("java.home")));

    @TempDir
    Path elsewhere;

    private static Path archiveFor(Jdk jdk) {
        return PackagedCli.jar().resolveSibling(StartupTraining.archiveName(PackagedCli.jar(), jdk));
    }

    /**
     * JVM options that run the jar with the archive or fail the start: {@code -Xshare:on} and
     * {@code -XX:AOTMode=on} do not fall back, so exit 0 proves the archive maps.
     */
    private static List<String> mapOnly(Jdk jdk, Path archive, Path jar) {
        return jdk.feature() >= 24 ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive, "-jar", jar.toString())
                : List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
    }

    /** The launcher with this JDK, its output and how it ended. */
    private static PackagedCli.Run launch(Path launcher, Jdk jdk, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return PackagedCli.exec(Map.of("JAVA_HOME", jdk.home().toString()), command);
    }

    @Test
    void theArchiveForTheBuildsJavaMapsWithTheJar() {
        Path archive = archiveFor(THIS_JAVA);
        assertThat(archive).as("made by the build with this Java").isRegularFile();
        PackagedCli.Run run = PackagedCli.java(Map.of(), mapOnly(THIS_JAVA, archive, PackagedCli.jar()), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith("openchoreo ");
    }

    @Test
    void theAheadOfTimeCacheMapsOnTheJavaThatMadeIt() {
        Optional<Jdk> aot = StartupTraining.aheadOfTimeJdk(System.getProperty("aot.java.home", ""));
        assumeThat(aot).as("a JDK 24+ on this machine (without one the build makes no cache)").isPresent();
        Path cache = archiveFor(aot.get());
        assertThat(cache).as("made by the build with " + aot.get().home()).isRegularFile();

        PackagedCli.Run run = PackagedCli.exec(Map.of(), List.of(aot.get().java().toString(), "-XX:AOTMode=on",
                "-XX:AOTCache=" + cache, "-jar", PackagedCli.jar().toString(), "--version"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith("openchoreo ");
    }

    @Test
    void theLauncherRunsTheDemoWithCleanJsonOnStdout() {
        PackagedCli.Run run = launch(PackagedCli.launcher(), THIS_JAVA, "demo", "-o", "json", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("deploys").size()).isEqualTo(3);
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void onTheAheadOfTimeJavaTheLauncherRunsTheDemoWithCleanJsonOnStdout() {
        Optional<Jdk> aot = StartupTraining.aheadOfTimeJdk(System.getProperty("aot.java.home", ""));
        assumeThat(aot).as("a JDK 24+ on this machine").isPresent();

        PackagedCli.Run run = launch(PackagedCli.launcher(), aot.get(), "demo", "-o", "json", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("deploys").size()).isEqualTo(3);
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void withoutAnArchiveOrWithAStaleOneTheLauncherRunsTheJarSilently() throws IOException {
        Path launcher = Files.copy(PackagedCli.launcher(), elsewhere.resolve("openchoreo"));
        Path jar = Files.copy(PackagedCli.jar(), Files.createDirectories(elsewhere.resolve("target"))
                .resolve("openchoreo-cli.jar"));

        PackagedCli.Run none = launch(launcher, THIS_JAVA, "--version");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.stdout()).startsWith("openchoreo ");
        assertThat(none.stderr()).isEmpty();

        // A rebuilt jar (another time stamp) no longer matches what the archive recorded: the JVM skips it.
        Files.copy(archiveFor(THIS_JAVA), jar.resolveSibling(StartupTraining.archiveName(jar, THIS_JAVA)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
        PackagedCli.Run strict = PackagedCli.java(Map.of(), mapOnly(THIS_JAVA,
                jar.resolveSibling(StartupTraining.archiveName(jar, THIS_JAVA)), jar), "--version");
        assertThat(strict.exitCode()).as("the JVM refuses the stale archive when told to insist").isNotZero();
        PackagedCli.Run stale = launch(launcher, THIS_JAVA, "--version");
        assertThat(stale.exitCode()).as(stale.toString()).isZero();
        assertThat(stale.stdout()).isEqualTo(none.stdout());
        assertThat(stale.stderr()).isEmpty();
    }
}
