package io.jenkins.plugins.openchoreo.client.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds JWT-shaped text, {@code eyJ…} and three base64url segments joined by dots, by a hand scan
 * in linear time. A regular expression tried from every {@code eyJ} rescans the rest of a long
 * run each time: quadratic on a body made of {@code eyJ} repeated.
 */
final class JwtShapes {

    private JwtShapes() {}

    /** The {@code [start, end)} ranges of JWT-shaped text, in order, not overlapping. */
    static List<int[]> ranges(String text) {
        List<int[]> ranges = new ArrayList<>();
        int candidate = text.indexOf("eyJ");
        while (candidate >= 0) {
            int firstDot = skipSegment(text, candidate + 3);
            int end = tokenEnd(text, firstDot);
            if (end > 0) {
                ranges.add(new int[] {candidate, end});
                candidate = text.indexOf("eyJ", end);
            } else {
                // Every later "eyJ" of the same segment reaches the same dot and fails the same way.
                candidate = text.indexOf("eyJ", firstDot);
            }
        }
        return ranges;
    }

    /** Where the token ends, given where its first segment ends; -1 when the rest is not two more segments. */
    private static int tokenEnd(String text, int firstDot) {
        if (firstDot >= text.length() || text.charAt(firstDot) != '.') {
            return -1;
        }
        int secondDot = skipSegment(text, firstDot + 1);
        if (secondDot == firstDot + 1 || secondDot >= text.length() || text.charAt(secondDot) != '.') {
            return -1;
        }
        return skipSegment(text, secondDot + 1);
    }

    private static int skipSegment(String text, int from) {
        int i = from;
        while (i < text.length() && isBase64Url(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
