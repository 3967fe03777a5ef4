package io.jenkins.plugins.openchoreo.client.descriptor;

import java.io.IOException;

/**
 * Read access to the files of the repository a deploy comes from. In Jenkins the workspace may be
 * on an agent, so the plugin implements this over its workspace; the CLI over the local disk.
 * Paths are relative to the repository root, '/'-separated, and already checked by the engine
 * not to escape it.
 */
public interface WorkspaceFiles {

    /**
     * Reads a whole file.
     *
     * @param relativePath a normalised path inside the root, e.g. {@code app/workload.yaml}
     * @param maxBytes the most bytes the caller accepts; a larger file is refused with {@link FileTooLargeException}
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    byte[] read(String relativePath, long maxBytes) throws IOException;

    /** Where a path points, for a message saying a file is not there (e.g. the absolute path on disk). */
    default String locate(String relativePath) {
        return relativePath + " in the repository root";
    }

    /** A file larger than the caller accepts. */
    final class FileTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public FileTooLargeException(String relativePath, long maxBytes) {
            super(relativePath + " is larger than " + maxBytes + " bytes");
        }
    }
}
