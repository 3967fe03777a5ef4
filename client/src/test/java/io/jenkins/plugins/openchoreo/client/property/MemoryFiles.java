package io.jenkins.plugins.openchoreo.client.property;

import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Repository files in memory; remembers every path asked for, to check none leaves the root. */
final class MemoryFiles implements WorkspaceFiles {

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    MemoryFiles put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    MemoryFiles put(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    @Override
    public byte[] read(String relativePath, long maxBytes) throws IOException {
        asked.add(relativePath);
        byte[] bytes = files.get(relativePath);
        if (bytes == null) {
            throw new NoSuchFileException(relativePath);
        }
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(relativePath, maxBytes);
        }
        return bytes.clone();
    }

    /** Whether every path asked for is a normalised path inside the root. */
    boolean stayedInside() {
        return asked.stream().allMatch(p -> !p.isEmpty() && !p.startsWith("/") && !p.contains("\\")
                && !p.contains("\0") && !p.matches("^[A-Za-z]:.*")
                && java.util.Arrays.stream(p.split("/"))
                        .noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals(".")));
    }
}
