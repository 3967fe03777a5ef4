package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * plugin/build.sh builds the plugin with the root's profiles as it chooses them: the plugin
 * profile on and the {@code without-plugin} profile (on whenever JENKINS_URL is unset) off, so a
 * build of the plugin does not say "plugin/ is not part of this build". The script's own Maven
 * profile switches are run at the root (validate only, non-recursive: plugin/ itself needs the
 * Jenkins repository).
 */
class PluginBuildScriptTest {

    private static final Pattern ECHO = Pattern.compile("<echo [^>]*message=\"([^\"]+)\"");

    @Test
    void theBuildScriptTurnsTheWithoutPluginProfileOff() throws Exception {
        String script = Docs.read(Docs.root().resolve("plugin/build.sh"));
        String exec = script.lines().filter(l -> l.startsWith("exec ./mvnw")).findFirst().orElseThrow();
        List<String> words = ShellWords.split(exec);
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("-P")) {
                profiles.add("-P");
                profiles.add(words.get(i + 1));
            }
        }
        assertThat(profiles).as("the -P switches of " + exec).isNotEmpty();
        Matcher echo = ECHO.matcher(Docs.read(Docs.root().resolve("pom.xml")));
        assertThat(echo.find()).as("the without-plugin profile's message in pom.xml").isTrue();
        String notBuilt = echo.group(1);

        List<String> command = new ArrayList<>(List.of(Docs.root().resolve("mvnw").toString(), "-B", "-N", "validate"));
        command.addAll(profiles);
        String output = run(command);
        assertThat(output).contains("BUILD SUCCESS").doesNotContain(notBuilt);
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Docs.root().toFile()).redirectErrorStream(true);
        builder.environment().remove("JENKINS_URL"); // as on a developer's machine, where the profile is active
        Process maven = builder.start();
        byte[] output = maven.getInputStream().readAllBytes();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("a hang guard: Maven ended").isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }

}
