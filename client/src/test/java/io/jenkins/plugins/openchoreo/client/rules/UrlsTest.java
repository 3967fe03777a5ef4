package io.jenkins.plugins.openchoreo.client.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://api.example.com,https://api.example.com",
        "https://api.example.com/,https://api.example.com",
        "http://127.0.0.1:8080//,http://127.0.0.1:8080",
        " https://x.example/base ,https://x.example/base"
    })
    void acceptsAbsoluteHttpUrlsAndTrimsSlashes(String given, String expected) {
        assertThat(Urls.require("API URL", given)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"api.example.com", "ftp://x.example", "file:///etc/passwd", "https://", "https://u:p@x.example",
                "https://x.example/?q=1", "https://x.example/#f", "http://bad host", "javascript:alert(1)"})
    void refusesOthersWithTheSettingNamed(String given) {
        assertThatThrownBy(() -> Urls.require("API URL", given))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("API URL");
                });
    }

    /** A plain sentence, not java.net.URI's "Illegal character in scheme name" (issue 18, point 7). */
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:8080, 'The API URL \"127.0.0.1:8080\" has no http:// or https:// in front: write it as "
                + "https://127.0.0.1:8080 (or http:// for a server without TLS)'",
        "api.example.com/base, 'The API URL \"api.example.com/base\" has no http:// or https:// in front: write it "
                + "as https://api.example.com/base (or http:// for a server without TLS)'",
        "javascript:alert(1), 'The API URL \"javascript:alert(1)\" has no http:// or https:// in front'",
        "'http://bad host', 'The API URL \"http://bad host\" is not a valid URL: it has a character a URL cannot "
                + "hold ('' '' at position 11); remove it, or percent-encode it (a space is %20)'"
    })
    void aUrlWithoutSchemeOrWithABadCharacterIsExplainedPlainly(String given, String message) {
        assertThatThrownBy(() -> Urls.require("API URL", given)).isInstanceOf(InvalidRequestException.class)
                .hasMessage(message).message().doesNotContain("Illegal character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ci:s3cr3t-pw@x.example", "https://ci:s3cr3t-pw@bad_host", "ftp://ci:s3cr3t-pw@h",
        "https://ci:s3cr3t-pw@x.example/?q=1", "not a url://ci:s3cr3t-pw@x", "https://ci:s3cr3t-pw/x@x.example",
        "https://ci:s3cr3t-pw?x@x.example", "https://ci:s3cr3t-pw#x@x.example", "https:ci:s3cr3t-pw@x.example",
        "https://ci:s3cr3t-pw%2F@x.example", "https://x.example/ci:s3cr3t-pw@x"})
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated(String given) {
        assertThatThrownBy(() -> Urls.require("token URL", given))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("must not contain a user name or password")
                            .doesNotContain("s3cr3t-pw");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankIsRequiredOrAbsent(String given) {
        assertThatThrownBy(() -> Urls.require("API URL", given)).hasMessageContaining("API URL is required");
        assertThat(Urls.optional("portal URL", given)).isNull();
        assertThat(Urls.optional("portal URL", null)).isNull();
    }
}
