package io.jenkins.plugins.openchoreo.client.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Repository files on the local disk (the CLI, and tests). Links leading outside the root are refused. */
public final class LocalWorkspaceFiles implements WorkspaceFiles {

    private final Path root;

    public LocalWorkspaceFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String locate(String relativePath) {
        return root.resolve(relativePath).normalize().toString();
    }

    @Override
    public byte[] read(String relativePath, long maxBytes) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new AccessDeniedException(relativePath, null, "outside the repository root");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(relativePath);
        }
        // The lexical check above cannot see symbolic links; the real paths can.
        if (!file.toRealPath().startsWith(root.toRealPath())) {
            throw new AccessDeniedException(relativePath, null, "a link leading outside the repository root");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FileTooLargeException(relativePath, maxBytes);
            }
            return bytes;
        }
    }
}
