package io.jenkins.plugins.openchoreo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built checkout of an earlier commit that bench/run.sh measures as "before". */
final class Baseline {

    /** What bench/run.sh wrote into the checkout: the commit and its subject. */
    static final String DESCRIPTION = "BASELINE";

    private Baseline() {
    }

    static String describe(Path checkout) {
        try {
            return Files.readString(checkout.resolve(DESCRIPTION), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return checkout.toString();
        }
    }
}
