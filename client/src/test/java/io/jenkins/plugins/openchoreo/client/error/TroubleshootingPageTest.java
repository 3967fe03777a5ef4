package io.jenkins.plugins.openchoreo.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/troubleshooting.md carries a table made from the error catalog; this test fails when the
 * two drift apart. Regenerate the table with {@code -Dopenchoreo.docs.write=true}.
 */
class TroubleshootingPageTest {

    static final String BEGIN = "<!-- BEGIN error catalog: generated from ErrorCode by TroubleshootingPageTest -->";
    static final String END = "<!-- END error catalog -->";

    static String table() {
        String rows = Arrays.stream(ErrorCode.values()).map(code -> "| `" + code.name() + "` | "
                + code.category().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " | "
                + code.category().exitCode() + " | " + code.hint().replace("|", "\\|") + " |")
                .collect(Collectors.joining("\n"));
        return BEGIN + "\n| Code | Class | CLI exit code | What to do |\n|---|---|---|---|\n" + rows + "\n" + END;
    }

    @Test
    void theTroubleshootingPageListsEveryErrorWithItsHint() throws IOException {
        Path page = Path.of("..", "docs", "troubleshooting.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("the page has the generated block").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = text.substring(begin, end + END.length());
        if (Boolean.getBoolean("openchoreo.docs.write")) {
            Files.writeString(page, text.replace(current, table()), StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/troubleshooting.md is generated from ErrorCode; rerun with "
                + "-Dopenchoreo.docs.write=true").isEqualTo(table());
    }

    @Test
    void everyCodeNamedInTheCommonCasesExists() throws IOException {
        String text = Files.readString(Path.of("..", "docs", "troubleshooting.md"), StandardCharsets.UTF_8);
        String common = text.substring(0, text.indexOf(BEGIN));
        java.util.regex.Matcher codes = java.util.regex.Pattern.compile("(?m)^\\| `([A-Z_]+)`(?: / `([A-Z_]+)`)?")
                .matcher(common);
        int seen = 0;
        java.util.Set<String> catalog = java.util.Arrays.stream(ErrorCode.values()).map(Enum::name)
                .collect(Collectors.toSet());
        while (codes.find()) {
            for (int group = 1; group <= 2; group++) {
                if (codes.group(group) != null) {
                    assertThat(catalog).as("docs/troubleshooting.md names an error code").contains(codes.group(group));
                    seen++;
                }
            }
        }
        assertThat(seen).isGreaterThan(5);
    }
}
