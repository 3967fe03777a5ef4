package io.jenkins.plugins.openchoreo.client.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenChoreo's name rule (Kubernetes DNS-1123 label): lowercase letters, digits and '-', starting
 * and ending with a letter or digit. The one place the rule lives: arguments, descriptors and API
 * paths all ask here.
 */
public final class Names {

    public static final int LABEL_MAX = 63;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** How to fix a name: the hint of every problem found by {@link #problem}. */
    public static final String HINT = "Names follow Kubernetes DNS-1123 rules: lowercase letters, digits and '-', "
            + "starting and ending with a letter or digit (e.g. my-app-1).";

    private Names() {}

    /** What is wrong with a name of at most 63 characters, or empty when it is valid. */
    public static Optional<String> problem(String what, String value) {
        return problemWithLength(what, value, LABEL_MAX);
    }

    /** What is wrong with a name of at most {@code max} characters, or empty when it is valid. */
    public static Optional<String> problemWithLength(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of("the " + what + " is required (e.g. my-app-1)");
        }
        if (value.length() > max) {
            return Optional.of("the " + what + " \"" + printable(value) + "\" is too long: use at most " + max
                    + " characters (it has " + value.length() + ")");
        }
        if (!LABEL.matcher(value).matches()) {
            return Optional.of("the " + what + " \"" + printable(value) + "\" is not valid: use at most " + max
                    + " lowercase letters, digits or '-', starting and ending with a letter or digit (e.g. my-app-1)");
        }
        return Optional.empty();
    }

    /** A value safe to quote in a message: short, without control characters. */
    public static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
