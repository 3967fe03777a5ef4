package io.jenkins.plugins.openchoreo;

import hudson.FilePath;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;

/**
 * The workspace as the engine reads it, through {@link FilePath}, so a descriptor on an agent is
 * read where it is. Refuses paths that resolve outside the workspace (symlinks included) and
 * files larger than the engine accepts.
 */
final class FilePathWorkspaceFiles implements WorkspaceFiles {

    private final FilePath root;

    FilePathWorkspaceFiles(FilePath root) {
        this.root = root;
    }

    @Override
    public byte[] read(String relativePath, long maxBytes) throws IOException {
        try {
            // Containment first: a path that leaves the workspace (through a symlink, say) gets the
            // same answer whether or not its target exists, so a descriptor path cannot be used to
            // probe for files outside the workspace.
            if (!root.isDescendant(relativePath)) {
                throw new IOException(relativePath + " resolves outside the workspace");
            }
            FilePath file = root.child(relativePath);
            if (!file.exists() || file.isDirectory()) {
                throw new NoSuchFileException(relativePath);
            }
            if (file.length() > maxBytes) {
                throw new FileTooLargeException(relativePath, maxBytes);
            }
            try (InputStream in = file.read(root, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new FileTooLargeException(relativePath, maxBytes); // grew while we read it
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + relativePath);
        }
    }
}
