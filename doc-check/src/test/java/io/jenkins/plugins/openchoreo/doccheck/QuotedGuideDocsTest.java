package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/migrating-from-scripts.md quotes OpenChoreo's external CI guide: the quote must be in the
 * guide's text, unchanged but for whitespace (the stored text lost the indentation and some line
 * breaks). The guide is read in place from the reference folder next to the repository, set by the
 * POM ({@code openchoreo.reference}); without it the check is skipped.
 */
class QuotedGuideDocsTest {

    static final String GUIDE = "openchoreo-external-ci-guide.txt";

    static Path reference() {
        String configured = System.getProperty("openchoreo.reference");
        return configured != null ? Path.of(configured) : Docs.root().resolve("../shared/reference").normalize();
    }

    static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void theQuotedJenkinsStageIsTheGuides() {
        Docs.Block quoted = Docs.marked("migrating-from-scripts.md",
                "check: quoted from OpenChoreo's external CI guide");
        Path guide = reference().resolve(GUIDE);
        assumeTrue(Files.isRegularFile(guide), "OpenChoreo's external CI guide is not at " + guide
                + " (set -Dopenchoreo.reference=<folder>): the quote is not compared");
        assertThat(withoutWhitespace(Docs.read(guide)))
                .as("docs/migrating-from-scripts.md line " + quoted.line() + ", whitespace aside, in " + guide)
                .contains(withoutWhitespace(quoted.text()));
    }
}
