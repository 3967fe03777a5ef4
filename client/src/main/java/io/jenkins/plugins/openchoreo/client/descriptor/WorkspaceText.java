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

    /** Why a file could not be used; the message is for the user. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    static String read(WorkspaceFiles files, String path) throws Unreadable {
        byte[] bytes;
        try {
            bytes = files.read(path, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new Unreadable("the file " + path + " does not exist (paths are relative to the repository root)");
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
