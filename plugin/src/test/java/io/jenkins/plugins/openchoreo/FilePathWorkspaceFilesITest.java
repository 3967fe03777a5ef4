package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

        IOException present = assertThrows(IOException.class, () -> files.read("escape/present.yaml", 1024));
        IOException absent = assertThrows(IOException.class, () -> files.read("escape/absent.yaml", 1024));
        assertFalse(present instanceof NoSuchFileException);
        assertEquals(present.getClass(), absent.getClass());
        assertEquals(present.getMessage().replace("present", "X"), absent.getMessage().replace("absent", "X"));

        assertThrows(NoSuchFileException.class, () -> files.read("missing.yaml", 1024));
        assertArrayEquals("kind: Workload".getBytes(StandardCharsets.UTF_8), files.read("workload.yaml", 1024));
    }
}
