package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import hudson.FilePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Reading the workspace through FilePath: a path that leaves it answers the same whether its target exists or not. */
@WithJenkins
class FilePathWorkspaceFilesITest {

    @Test
    void anEscapeIsNoExistenceOracle(JenkinsRule j, @TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("workspace"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("present.yaml"), "secret: outside", StandardCharsets.UTF_8);
        Files.createSymbolicLink(workspace.resolve("escape"), outside);
        Files.writeString(workspace.resolve("workload.yaml"), "kind: Workload", StandardCharsets.UTF_8);
        FilePathWorkspaceFiles files = new FilePathWorkspaceFiles(new FilePath(workspace.toFile()));

        IOException present = assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> files.read("escape/present.yaml", 1024)).actual();
        IOException absent = assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> files.read("escape/absent.yaml", 1024)).actual();
        assertThat(present instanceof NoSuchFileException).isFalse();
        assertThat(absent.getClass()).isEqualTo(present.getClass());
        assertThat(absent.getMessage().replace("absent", "X")).isEqualTo(present.getMessage().replace("present", "X"));

        assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> files.read("missing.yaml", 1024))
                .actual();
        assertThat(files.read("workload.yaml", 1024))
                .containsExactly("kind: Workload".getBytes(StandardCharsets.UTF_8));
    }
}
