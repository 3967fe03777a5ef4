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
    @ValueSource(strings = {"api.example.com", "ftp://x.example", "file:///etc/passwd", "https://", "https://u:p@x.example",
        "https://x.example/?q=1", "https://x.example/#f", "http://bad host", "javascript:alert(1)"})
    void refusesOthersWithTheSettingNamed(String given) {
        assertThatThrownBy(() -> Urls.require("API URL", given))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("API URL");
                });
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
