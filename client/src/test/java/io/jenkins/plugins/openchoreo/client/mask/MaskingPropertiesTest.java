package io.jenkins.plugins.openchoreo.client.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of what a person is shown of a server's text (issue 14, findings 2-4): secrets in
 * any of their encodings, planted anywhere (around the cut above all, and among control
 * characters), never survive {@link ServerText#shown}, nor does a line break; and adversarial
 * megabytes are masked without stalling.
 */
class MaskingPropertiesTest {

    /** A hang guard, not a time budget: linear masking of a megabyte takes well under a second. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** A planted secret: its value and the form it was written in. */
    record Planted(String secret, String form) {}

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("abcXYZ0189-_.~+/=\"\\&<>?#%: ü€").ofMinLength(8).ofMaxLength(40)
                .map(s -> "s3cR" + s);
    }

    /** The shortcut for values no encoder escapes leaves out no form that differs from the value. */
    @Property
    void jsonEscapesOfAValueAreEveryEncodersFormThatDiffers(@ForAll("secrets") String secret) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (int mode = 0; mode < 16; mode++) {
            all.add(JsonEscapes.escape(secret, (mode & 1) != 0, (mode & 2) != 0, (mode & 4) != 0, (mode & 8) != 0));
        }
        all.remove(secret);
        assertThat(all).containsAll(JsonEscapes.of(secret));
        assertThat(JsonEscapes.of(secret).isEmpty()).isEqualTo(all.isEmpty());
        assertThat(JsonEscapes.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl-_~+=")).isEmpty();
    }

    /** Every form a secret is known to travel or be echoed in. */
    static List<String> forms(String secret) {
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String percent = form.replace("+", "%20");
        List<String> forms = new ArrayList<>(List.of(secret, form, percent, lowerHex(percent),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
        forms.add(JsonEscapes.escape(secret, false, false, false, false));
        forms.add(JsonEscapes.escape(secret, true, false, false, false));
        forms.add(JsonEscapes.escape(secret, false, true, false, true));
        forms.add(JsonEscapes.escape(secret, false, false, true, false));
        return forms;
    }

    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = encoded.indexOf('%'); i >= 0 && i + 2 < encoded.length(); i = encoded.indexOf('%', i + 1)) {
            out.replace(i + 1, i + 3, encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> fillers() {
        Arbitrary<String> controls = Arbitraries.strings().withChars("\r\n\t\u0000\u001b\u0085\u2028\u2029\u202e\u007f")
                .ofMaxLength(20);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(700)),
                Tuple.of(2, Arbitraries.strings().withChars("ab \n\r").ofMaxLength(700)),
                Tuple.of(1, controls));
    }

    @Property(tries = 400)
    void noSecretAndNoLineBreakSurvives(@ForAll("secrets") String first, @ForAll("secrets") String second,
            @ForAll("fillers") String before, @ForAll("fillers") String between, @ForAll("fillers") String after,
            @ForAll @IntRange(min = 0, max = 8) int firstForm, @ForAll @IntRange(min = 0, max = 8) int secondForm,
            @ForAll @IntRange(min = 0, max = 60) int shift) {
        SecretMasker masker = new SecretMasker().add(first).add(second);
        Planted a = new Planted(first, forms(first).get(firstForm));
        Planted b = new Planted(second, forms(second).get(secondForm));
        // The first secret straddles the cut at ServerText.MAX_SHOWN, or ends up to 30 characters either
        // side of it; control characters follow it, and the second secret anywhere after.
        String pad = "x".repeat(Math.max(0, ServerText.MAX_SHOWN - a.form().length() / 2 + shift - 30));
        String text = pad + a.form() + before + between + b.form() + after;

        String shown = ServerText.shown(text, masker);

        for (Planted planted : List.of(a, b)) {
            for (String form : forms(planted.secret())) {
                assertThat(shown).doesNotContain(form);
            }
            assertThat(shown).as("the start of a secret cut in half").doesNotContain(planted.form().substring(0, 8));
        }
        assertThat(shown.chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
        assertThat(shown.length()).isLessThanOrEqualTo(ServerText.MAX_SHOWN + 1);
    }

    @Provide
    Arbitrary<String> adversarialPieces() {
        return Arbitraries.of("eyJ", "eyJ", "eyJ.", ".", "eyJhbGciOiJ", "Bearer ", "Basic ", "bearer\t", " ", "  ",
                "password", "client_secret", "secret", "\"secret\"", "access_token", "=", ":", "\"", "\\\"",
                "s3cR", "s3cRs3cR", "%2", "%2F", "\\u00", "a", "-", "_", "\n");
    }

    @Property(tries = 8)
    void aMegabyteOfAdversarialTextIsMaskedWithoutStalling(@ForAll("adversarialPieces") String x,
            @ForAll("adversarialPieces") String y, @ForAll("adversarialPieces") String z,
            @ForAll("secrets") String secret, @ForAll @IntRange(min = 1, max = 4) int pieces) {
        // A megabyte built from few distinct pieces: the repetition is what made patterns backtrack.
        String unit = (x + y).repeat(pieces) + z;
        String text = unit.repeat(1_000_000 / unit.length() + 1);
        SecretMasker masker = new SecretMasker().add(secret).add(secret.substring(0, 10) + "tail");
        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));
        assertThat(masked).doesNotContain(secret);
        String shown = assertTimeoutPreemptively(HANG_GUARD, () -> ServerText.shown(text + secret, masker));
        assertThat(shown.length()).isLessThanOrEqualTo(ServerText.MAX_SHOWN + 1);
    }
}
