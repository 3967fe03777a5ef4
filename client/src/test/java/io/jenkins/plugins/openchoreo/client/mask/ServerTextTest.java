package io.jenkins.plugins.openchoreo.client.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Server text as a person sees it: bounded, masked, then cut, on one line. */
class ServerTextTest {

    private final SecretMasker masker = new SecretMasker().add("s3cr3t-value");

    @Test
    void shortTextIsShownWholeAndNullStaysNull() {
        assertThat(ServerText.shown("plain words", masker)).isEqualTo("plain words");
        assertThat(ServerText.shown(null, masker)).isNull();
        assertThat(ServerText.oneLine(null)).isNull();
    }

    @Test
    void everyLineBreakingOrTerminalSteeringCharacterBecomesAVisibleEscape() {
        assertThat(ServerText.oneLine("a\nb\rc\td\u0000e\u007ff\u0085g\u2028h\u2029i\u202Ej\u2066k\u001b[2Kl"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u007ff\\u0085g\\u2028h\\u2029i\\u202ej\\u2066k\\u001b[2Kl");
        assertThat(ServerText.oneLine("ordinary ünïcode ✓ text")).isEqualTo("ordinary ünïcode ✓ text");
    }

    @Test
    void textIsMaskedBeforeItIsCut() {
        String shown = ServerText.shown("x".repeat(495) + "s3cr3t-value and more", masker, 500);
        assertThat(shown).isEqualTo("x".repeat(495) + "**** …").doesNotContain("s3cr");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String shown = ServerText.shown("x".repeat(9) + "\uD83D\uDE00" + "tail", masker, 10);
        assertThat(shown).isEqualTo("x".repeat(9) + "…");
    }

    @Test
    void onlyTheBoundedStartOfAHugeTextIsSearchedAndShown() {
        String huge = "y".repeat(ServerText.MAX_SEARCHED) + "s3cr3t-value";
        assertThat(ServerText.shown(huge, masker, ServerText.MAX_SEARCHED + 100))
                .isEqualTo("y".repeat(ServerText.MAX_SEARCHED) + "…");
    }
}
