package io.jenkins.plugins.openchoreo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the benchmark's section into docs/performance.md: replaces the section under its heading
 * (up to the next heading of the same level), or appends it, leaving the other sections alone.
 */
final class PerformanceDoc {

    static final String HEADING = "## Deploy benchmarks";

    private PerformanceDoc() {
    }

    static void write(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Performance\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, withSection(text, section), StandardCharsets.UTF_8);
    }

    /** The document with the section (which starts with {@link #HEADING}) in place of the old one. */
    static String withSection(String text, String section) {
        String body = section.endsWith("\n") ? section : section + "\n";
        int start = headingAt(text);
        if (start < 0) {
            String separator = text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
            return text + separator + body;
        }
        int next = text.indexOf("\n## ", start + HEADING.length());
        String rest = next < 0 ? "" : text.substring(next + 1);
        return text.substring(0, start) + body + (rest.isEmpty() ? "" : "\n" + rest);
    }

    private static int headingAt(String text) {
        if (text.startsWith(HEADING + "\n")) {
            return 0;
        }
        int at = text.indexOf("\n" + HEADING + "\n");
        return at < 0 ? -1 : at + 1;
    }
}
