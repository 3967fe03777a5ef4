package io.jenkins.plugins.openchoreo.client.property;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of hostile text: path tricks, encodings, control characters, unicode, lengths. */
final class Hostile {

    static final List<String> TRICKS = List.of("", " ", "\t", "\n", "  a  ", "..", "../etc", "../../etc/passwd", "a/b",
            "/", "//", "a%2Fb", "%2e%2e", "%2F..%2F", "a?b=c", "a#b", "a;b", "a\\b", "C:\\x", "a\u0000b", "\u0000",
            "ÄÖÜ", "名前", "café", "ｆｕｌｌ", "a\u202Eb", "\uD83D\uDE00", "\uD800", "a".repeat(300), "a".repeat(64),
            "a".repeat(63), "-a", "a-", "A", "a b", "a.b", "a..b", "a_b", "0", "-", "null", "true", "~", "*", "&a",
            "${env.SECRET}", "$(rm -rf /)", "<script>", "'\"", "%00", "a\r\nX-Injected: 1", "\u00A0", "\u2028");

    private Hostile() {}

    /** Names per DNS-1123: what a valid request is made of. */
    static Arbitrary<String> validNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(40)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0))
                        && Character.isLetterOrDigit(s.charAt(s.length() - 1)));
    }

    /** Mostly hostile, sometimes valid names. */
    static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, validNames()),
                Tuple.of(3, Arbitraries.of(TRICKS)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300)),
                Tuple.of(2, Arbitraries.strings().withChars("abcxyz019-./%_ A").ofMaxLength(80)),
                Tuple.of(1, validNames().map(n -> n + "/../" + n)),
                Tuple.of(1, Arbitraries.strings().withChars("ab").ofMinLength(60).ofMaxLength(300)));
    }

    /** Valid image references of every shape: host, port, path, tag, digest. */
    static Arbitrary<String> validImages() {
        Arbitrary<String> component = Arbitraries.strings().withChars("abcxyz019").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> host = Arbitraries.of("", "registry.example.com/", "localhost:5000/", "r/", "10.0.0.1:443/");
        Arbitrary<String> suffix = Arbitraries.of("", ":1", ":v1.2.3-rc_1", ":latest", "@sha256:" + "0a".repeat(32));
        return Combinators.combine(host, component.list().ofMinSize(1).ofMaxSize(3), suffix)
                .as((h, path, s) -> h + String.join("/", path) + s);
    }

    /** Images: mostly plausible references, some hostile. */
    static Arbitrary<String> images() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, validImages()),
                Tuple.of(2, Arbitraries.of(TRICKS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)));
    }

    /** Any text, hostile or not, for values of fields. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(TRICKS)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(100)),
                Tuple.of(1, validNames()));
    }
}
