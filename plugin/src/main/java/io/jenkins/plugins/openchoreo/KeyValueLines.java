package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument binding for the multi-line fields: one {@code KEY=value} per line, blank lines skipped. */
final class KeyValueLines {

    private KeyValueLines() {}

    /** The non-blank lines, trimmed; the engine checks each {@code KEY=value} entry. */
    static List<String> list(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        }
        return lines;
    }

    /** The lines as a map; a line without '=' is an error naming the field and the line. */
    static Map<String, String> map(String field, String text) throws AbortException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : list(text)) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new AbortException(Messages.KeyValueLines_invalid(field, line));
            }
            map.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return map;
    }
}
