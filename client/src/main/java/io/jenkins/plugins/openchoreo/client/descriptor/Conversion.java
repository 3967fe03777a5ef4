package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One conversion in progress: where problems go, the overlay being built, and the folder that
 * relative file paths (schemaFile, valueFrom.path) start from.
 */
final class Conversion {

    private final Problems problems;
    private final WorkspaceFiles files;
    private final String folder;
    private final WorkloadOverlay.Builder overlay = new WorkloadOverlay.Builder();

    Conversion(Problems problems, WorkspaceFiles files, String folder) {
        this.problems = problems;
        this.files = files;
        this.folder = folder;
    }

    Problems problems() {
        return problems;
    }

    WorkloadOverlay overlay() {
        return overlay.build();
    }

    /** The text of a file named relative to the folder; empty (and reported) when it cannot be used. */
    Optional<String> fileText(String relativePath, String field) {
        try {
            return Optional.of(WorkspaceText.read(files, RepoPath.resolve(folder, relativePath)));
        } catch (IllegalArgumentException e) {
            problems.error(field, e.getMessage());
            return Optional.empty();
        } catch (WorkspaceText.Unreadable e) {
            problems.error(field, e.getMessage(), e.hint());
            return Optional.empty();
        }
    }

    /** Adds an entry; a second one with the same identity wins, with a warning naming it. */
    void add(EntryKind kind, String key, ObjectNode entry, String field, String what) {
        if (overlay.put(kind, key, entry)) {
            problems.warn(field, what + " is defined more than once; the last definition wins");
        }
    }

    void add(EntryKind kind, ObjectNode entry, String field, String what) {
        add(kind, kind.keyOf(entry), entry, field, what);
    }
}
