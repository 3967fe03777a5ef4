package io.jenkins.plugins.openchoreo.doccheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading docs/: pages, sections, fenced code blocks and the marker comments placed before them. */
final class Docs {

    /** A fenced block: its language, its text, the marker comment right above it (or null), its line. */
    record Block(String language, String text, String marker, int line) {}

    private static final Pattern FENCE = Pattern.compile("(?m)^```([A-Za-z0-9_-]*)[ \\t]*\\n(.*?)^```[ \\t]*$",
            Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!--\\s*(.*?)\\s*-->\\s*$", Pattern.DOTALL);

    private Docs() {}

    /** The repository root (set by the POM; the module's parent folder otherwise). */
    static Path root() {
        String configured = System.getProperty("openchoreo.root");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }

    static Path docs() {
        return root().resolve("docs");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String page(String name) {
        return read(docs().resolve(name));
    }

    /** Every fenced block of a page, with the HTML comment (if any) on the line just before its fence. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            String before = text.substring(0, fence.start()).stripTrailing();
            int lineStart = before.lastIndexOf('\n') + 1;
            Matcher marker = MARKER.matcher(before.substring(lineStart));
            String mark = marker.find() && before.substring(lineStart).stripLeading().startsWith("<!--")
                    ? marker.group(1) : null;
            int line = (int) text.substring(0, fence.start()).chars().filter(c -> c == '\n').count() + 1;
            blocks.add(new Block(fence.group(1), fence.group(2), mark, line));
        }
        return blocks;
    }

    /** The one block of a page whose marker starts with {@code prefix}; fails unless there is exactly one. */
    static Block marked(String page, String prefix) {
        List<Block> found = blocks(page(page)).stream()
                .filter(b -> b.marker() != null && b.marker().startsWith(prefix)).toList();
        if (found.size() != 1) {
            throw new AssertionError("docs/" + page + ": " + found.size() + " blocks marked <!-- " + prefix
                    + " … -->, expected 1");
        }
        return found.get(0);
    }

    /**
     * The part of a page under the first heading (any level) that contains {@code title}, up to the
     * next heading of the same or a higher level.
     */
    static String section(String text, String title) {
        Matcher heading = Pattern.compile("(?m)^(#+) .*" + Pattern.quote(title) + ".*$").matcher(text);
        if (!heading.find()) {
            throw new AssertionError("no heading containing \"" + title + "\"");
        }
        int level = heading.group(1).length();
        Matcher next = Pattern.compile("(?m)^#{1," + level + "} ").matcher(text);
        int end = next.find(heading.end()) ? next.start() : text.length();
        return text.substring(heading.start(), end);
    }

    /** The first column of every Markdown table row whose first cell is a single `code` span. */
    static List<String> firstColumnCodes(String text) {
        List<String> names = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*`([^`]+)`\\s*\\|").matcher(text);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    /** Whether {@code word} occurs as a whole word (not as part of a longer name). */
    static boolean mentions(String text, String word) {
        return Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(word) + "(?![A-Za-z0-9_-])").matcher(text).find();
    }
}
