package io.jenkins.plugins.openchoreo.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP settings are checked when made; an answer reads its headers and status leniently. */
class HttpSettingsTest {

    @Test
    void timeoutsMustBePositiveAndTheBodyLimitSensible() {
        HttpSettings defaults = HttpSettings.defaults();
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, second, second))
                .hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> defaults.withTimeouts(second, Duration.ofMillis(-5), second))
                .hasMessageContaining("response timeout must be positive");
        assertThatThrownBy(() -> defaults.withTimeouts(second, second, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("call timeout");
        assertThatThrownBy(() -> defaults.withMaxResponseBytes(1023)).hasMessageContaining("at least 1024");
        assertThat(defaults.withMaxResponseBytes(1024).maxResponseBytes()).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"just some text", "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"})
    void aCaBundleWithoutACertificateIsAConfigurationError(String pem) {
        assertThatThrownBy(() -> TrustMaterial.sslContext(pem)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("not a PEM file of X.509 certificates");
                });
    }

    @Test
    void headersAreFoundInAnyCaseAndMissingOnesAreNull() {
        HttpResult result = new HttpResult(200, Map.of("content-type", List.of("Application/JSON; charset=utf-8"),
                "x-empty", List.of()), null, "req", Duration.ZERO);
        assertThat(result.header("Content-Type")).isEqualTo("Application/JSON; charset=utf-8");
        assertThat(result.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(result.isJson()).isTrue();
        assertThat(result.header("X-Empty")).isNull();
        assertThat(result.header("Retry-After")).isNull();
        assertThat(result.body()).isEmpty();
        assertThat(result.bodyText()).isEmpty();

        HttpResult bare = new HttpResult(204, Map.of(), "ok".getBytes(StandardCharsets.UTF_8), "req", Duration.ZERO);
        assertThat(bare.contentType()).isEmpty();
        assertThat(bare.isJson()).isFalse();
        assertThat(bare.bodyText()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 199, 300, 304, 404, 500})
    void onlyTwoHundredsAreSuccess(int status) {
        assertThat(new HttpResult(status, Map.of(), null, "req", Duration.ZERO).isSuccess()).isFalse();
        assertThat(new HttpResult(200, Map.of(), null, "req", Duration.ZERO).isSuccess()).isTrue();
        assertThat(new HttpResult(299, Map.of(), null, "req", Duration.ZERO).isSuccess()).isTrue();
    }
}
