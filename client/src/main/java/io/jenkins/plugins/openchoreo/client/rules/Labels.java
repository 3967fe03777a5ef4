package io.jenkins.plugins.openchoreo.client.rules;

import io.jenkins.plugins.openchoreo.client.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The Kubernetes rules for label and annotation keys, and for label values. */
public final class Labels {

    private static final Pattern LABEL_NAME = Pattern.compile("([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?"
            + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private Labels() {}

    /**
     * Every bad key or value in a map of labels or annotations ({@code what} names the map); an
     * annotation's value is any string, so values are checked only when {@code checkValues}.
     */
    public static List<FieldError> problems(String what, Map<String, String> entries, boolean checkValues) {
        List<FieldError> problems = new ArrayList<>();
        entries.forEach((key, value) -> {
            if (key == null || !LABEL_NAME.matcher(key).matches()) {
                problems.add(FieldError.of(what, "\"" + key + "\" is not a valid key: an optional DNS prefix and '/', "
                        + "then at most 63 letters, digits, '-', '_' or '.'"));
            } else if (value == null || checkValues && !LABEL_VALUE.matcher(value).matches()) {
                problems.add(FieldError.of(what + "." + key, "\"" + value + "\" is not a valid label value: at most 63 "
                        + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit"));
            }
        });
        return problems;
    }
}
