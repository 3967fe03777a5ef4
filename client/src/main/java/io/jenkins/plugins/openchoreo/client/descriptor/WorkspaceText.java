package io.jenkins.plugins.openchoreo.client.descriptor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

/** Reads a repository file as UTF-8 text, turning every failure into a sentence a user can act on. */
final class WorkspaceText {

    /** The most a descriptor, schema or configuration file may hold. */
    static final int MAX_BYTES = 1024 * 1024;

    private WorkspaceText() {}

    /** The hint for a file that is not there. */
    static final String NOT_FOUND_HINT = "Descriptor and file paths are relative to the repository root (the "
            + "build's workspace in Jenkins; --repo-root, by default the working directory, for the CLI): check the "
            + "path, and that the file is in the repository.";

    /** Why a file could not be used; the message and the hint (or null) are for the user. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        private final String hint;

        Unreadable(String message) {
            this(message, null);
        }

        Unreadable(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    static String read(WorkspaceFiles files, String path) throws Unreadable {
        byte[] bytes;
        try {
            bytes = files.read(path, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new Unreadable("file not found at " + files.locate(path), NOT_FOUND_HINT);
        } catch (WorkspaceFiles.FileTooLargeException e) {
            throw new Unreadable("the file " + path + " is larger than 1 MiB");
        } catch (IOException e) {
            throw new Unreadable("the file " + path + " cannot be read: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("the file " + path + " is not UTF-8 text; save it as UTF-8");
        }
    }
}
