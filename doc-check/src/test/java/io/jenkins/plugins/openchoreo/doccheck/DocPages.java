package io.jenkins.plugins.openchoreo.doccheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Markdown pages of docs/. */
final class DocPages {

    private DocPages() {}

    static List<String> all() {
        try (Stream<Path> files = Files.list(Docs.docs())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
