package io.jenkins.plugins.openchoreo.client.descriptor;

import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths inside the repository: '/'-separated, relative to its root, normalised. Checked here,
 * before any file access, so no path from a descriptor or an argument can leave the root.
 */
final class RepoPath {

    private RepoPath() {}

    /** The normalised path, or an {@link IllegalArgumentException} saying why it is refused. */
    static String normalise(String path) {
        String slashed = requireRelative(path);
        Deque<String> parts = new ArrayDeque<>();
        for (String part : slashed.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("\"" + Names.printable(path)
                            + "\" leads outside the repository root");
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(
                    "\"" + Names.printable(path) + "\" names the repository root, not a file");
        }
        return String.join("/", parts);
    }

    /** The folder a normalised path is in ("" for the root). */
    static String folderOf(String normalised) {
        int slash = normalised.lastIndexOf('/');
        return slash < 0 ? "" : normalised.substring(0, slash);
    }

    /** A path given relative to {@code folder}, as a normalised path from the root. */
    static String resolve(String folder, String relative) {
        requireRelative(relative);
        return normalise(folder.isEmpty() ? relative : folder + "/" + relative);
    }

    private static String requireRelative(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("the path is empty");
        }
        String slashed = path.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || slashed.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("\"" + Names.printable(path)
                    + "\" is not a path relative to the repository root (e.g. app/workload.yaml)");
        }
        return slashed;
    }
}
