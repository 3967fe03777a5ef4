package io.jenkins.plugins.openchoreo.client.mask;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many fixed strings in one pass (Aho-Corasick): time linear in the text whatever the
 * strings are, where one {@code String.indexOf} per string can take text length × string length.
 * Immutable once built.
 */
final class LiteralFinder {

    /** One state of the automaton: its edges, its failure link, the longest string ending here (0: none). */
    private static final class State {
        final Map<Character, State> next = new HashMap<>();
        State fail;
        int longest;
    }

    private final State root = new State();

    LiteralFinder(Collection<String> literals) {
        for (String literal : literals) {
            State state = root;
            for (int i = 0; i < literal.length(); i++) {
                state = state.next.computeIfAbsent(literal.charAt(i), c -> new State());
            }
            state.longest = Math.max(state.longest, literal.length());
        }
        ArrayDeque<State> queue = new ArrayDeque<>();
        root.fail = root;
        for (State child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            State state = queue.poll();
            state.next.forEach((c, child) -> {
                State fallback = state.fail;
                while (fallback != root && !fallback.next.containsKey(c)) {
                    fallback = fallback.fail;
                }
                State target = fallback.next.get(c);
                child.fail = target == null || target == child ? root : target;
                // A shorter string that ends here too is inside the longer one: only the longest matters.
                child.longest = Math.max(child.longest, child.fail.longest);
                queue.add(child);
            });
        }
    }

    /**
     * Where the strings occur, as merged {@code [start, end)} ranges in text order: overlapping or
     * touching occurrences become one range, so a secret inside another is covered whole.
     */
    List<int[]> ranges(String text) {
        List<int[]> ranges = new ArrayList<>();
        State state = root;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (state != root && !state.next.containsKey(c)) {
                state = state.fail;
            }
            state = state.next.getOrDefault(c, root);
            if (state.longest > 0) {
                add(ranges, i + 1 - state.longest, i + 1);
            }
        }
        return ranges;
    }

    /** Adds a range that ends at or after every range so far, merging those it overlaps. */
    private static void add(List<int[]> ranges, int start, int end) {
        while (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] >= start) {
            start = Math.min(start, ranges.remove(ranges.size() - 1)[0]);
        }
        ranges.add(new int[] {start, end});
    }
}
