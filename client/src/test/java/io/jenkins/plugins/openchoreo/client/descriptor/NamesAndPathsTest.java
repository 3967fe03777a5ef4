package io.jenkins.plugins.openchoreo.client.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rule, repository paths, and local file access. */
class NamesAndPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "greeter", "my-app-1", "0"})
    void validNames(String name) {
        assertThat(Names.problem("component", name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "-lead", "trail-", "a.b", "a_b", "with space", "ünï"})
    void invalidNamesSayWhatIsAllowed(String name) {
        assertThat(Names.problem("component", name)).contains("the component \"" + name
                + "\" is not valid: use at most "
                + "63 lowercase letters, digits or '-', starting and ending with a letter or digit (e.g. my-app-1)");
    }

    @Test
    void missingAndTooLongNames() {
        assertThat(Names.problem("project", null)).contains("the project is required (e.g. my-app-1)");
        assertThat(Names.problem("project", "  ")).contains("the project is required (e.g. my-app-1)");
        assertThat(Names.problem("project", "a".repeat(64))).get().asString()
                .contains("at most 63 characters (it has 64)");
        assertThat(Names.problemWithLength("workload name", "a".repeat(253), 253)).isEmpty();
        assertThat(Names.problem("project", "x\n".repeat(50))).get().asString().contains("x?x?").contains("…");
    }

    @Test
    void pathsAreNormalisedInsideTheRoot() {
        assertThat(RepoPath.normalise("./app//sub/../workload.yaml")).isEqualTo("app/workload.yaml");
        assertThat(RepoPath.normalise("app\\workload.yaml")).isEqualTo("app/workload.yaml");
        assertThat(RepoPath.resolve("app", "../docs/api.yaml")).isEqualTo("docs/api.yaml");
        assertThat(RepoPath.resolve("", "api.yaml")).isEqualTo("api.yaml");
        assertThat(RepoPath.folderOf("app/sub/workload.yaml")).isEqualTo("app/sub");
        assertThat(RepoPath.folderOf("workload.yaml")).isEmpty();
        assertThatThrownBy(() -> RepoPath.resolve("app", "/etc/passwd")).hasMessageContaining("not a path relative");
        assertThatThrownBy(() -> RepoPath.normalise("a/\0b")).hasMessageContaining("not a path relative");
    }

    @Test
    void localFilesAreReadUnderTheRootOnly(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/a.txt"), "hello");
        LocalWorkspaceFiles files = new LocalWorkspaceFiles(root);

        assertThat(files.read("app/a.txt", 5)).asString().isEqualTo("hello");
        assertThatThrownBy(() -> files.read("app/a.txt", 4)).isInstanceOf(WorkspaceFiles.FileTooLargeException.class)
                .hasMessage("app/a.txt is larger than 4 bytes");
        assertThatThrownBy(() -> files.read("app/none.txt", 5)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> files.read("app", 5)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> files.read("../x", 5)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aLinkInsideTheRootIsFollowed(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("real.txt"), "x");
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("real.txt"));

        assertThat(new LocalWorkspaceFiles(root).read("link.txt", 1)).containsExactly('x');
    }

    @Test
    void otherReadFailuresAreReportedAsUnreadable() {
        WorkspaceFiles broken = (path, max) -> {
            throw new IOException("disk on fire");
        };

        assertThatThrownBy(() -> WorkspaceText.read(broken, "a.yaml")).isInstanceOf(WorkspaceText.Unreadable.class)
                .hasMessage("the file a.yaml cannot be read: disk on fire");
    }
}
