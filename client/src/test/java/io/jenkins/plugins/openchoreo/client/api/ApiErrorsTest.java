package io.jenkins.plugins.openchoreo.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error answers in every shape the API, a proxy or a gateway sends, read without a network. */
class ApiErrorsTest {

    private static final HttpCall CALL = HttpCall.get(HttpCall.Target.API,
            URI.create("https://api.example/api/v1/namespaces/default/workloads/greeter-workload"));

    private static OpenChoreoException error(int status, String contentType, String body) {
        HttpResult result = new HttpResult(status,
                contentType == null ? Map.of() : Map.of("content-type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8), "req-7", Duration.ZERO);
        return ApiErrors.of(CALL, result, new SecretMasker(), null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | {\"error\":\"bad\",\"message\":\"very bad\",\"code\":\"BAD_REQUEST\"} | bad: very bad [BAD_REQUEST]",
        "application/json | {\"code\":\"INTERNAL_ERROR\"}                                       | (no message) [INTERNAL_ERROR]",
        "application/json | {\"error\":\"INVALID_TOKEN\",\"message\":\"invalid or expired token\"} | INVALID_TOKEN: invalid or expired token",
        "application/json | [\"not\",\"an\",\"object\"]                                        | [\"not\",\"an\",\"object\"]",
        "text/plain       | {not json after all                                                | {not json after all",
        "text/plain       | '   '                                                              | (empty body)",
        "                 | '<!DOCTYPE html><p>Bad gateway</p>'                                | an HTML page (a proxy or portal answered, not the OpenChoreo API)",
        "                 | '<HTML><body>Bad gateway</body></HTML>'                            | an HTML page (a proxy or portal answered, not the OpenChoreo API)",
        "text/html        | Bad gateway                                                        | an HTML page (a proxy or portal answered, not the OpenChoreo API)",
        "text/plain       | '<h1>not a page</h1>'                                              | <h1>not a page</h1>"})
    void everyBodyFormatBecomesAReadableMessage(String contentType, String body, String shown) {
        OpenChoreoException e = error(400, contentType, body);
        assertThat(e.getMessage()).isEqualTo(CALL.describe() + " answered HTTP 400: " + shown);
        assertThat(e.requestId()).isEqualTo("req-7");
    }

    @Test
    void theServersFieldDetailsAreKept() {
        OpenChoreoException e = error(422, "application/json", "{\"error\":\"invalid\",\"details\":["
                + "{\"field\":\"spec.container.image\",\"message\":\"Required value\"},{\"message\":\"no field\"}]}");
        assertThat(e).isInstanceOfSatisfying(InvalidRequestException.class, invalid -> {
            assertThat(invalid.code()).isEqualTo(ErrorCode.API_INVALID);
            assertThat(invalid.fieldErrors()).extracting(f -> f.field() + ": " + f.message())
                    .containsExactly("spec.container.image: Required value", "?: no field");
        });
    }

    @Test
    void longBodiesAreShortened() {
        OpenChoreoException e = error(400, "text/plain", "x".repeat(2000));
        assertThat(e.getMessage()).endsWith(": " + "x".repeat(500) + "…");
    }

    @Test
    void aRateLimitIsAServerErrorAndAnUnexpectedStatusABadResponse() {
        assertThat(error(429, "text/plain", "slow down")).isInstanceOfSatisfying(ServerErrorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.API_SERVER_ERROR));
        assertThat(error(418, "text/plain", "teapot")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_RESPONSE));
    }

    @Test
    void secretsInTheAnswerAreMasked() {
        HttpResult result = new HttpResult(400, Map.of(), "echo: s3cr3t-value".getBytes(StandardCharsets.UTF_8),
                "req-8", Duration.ZERO);
        OpenChoreoException e = ApiErrors.of(CALL, result, new SecretMasker().add("s3cr3t-value"), null);
        assertThat(e.getMessage()).doesNotContain("s3cr3t-value").contains(SecretMasker.MASK);
    }

    private static OpenChoreoException error(SecretMasker masker, String contentType, String body) {
        HttpResult result = new HttpResult(400, Map.of("content-type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8), "req-9", Duration.ZERO);
        return ApiErrors.of(CALL, result, masker, null);
    }

    @Test
    void aSecretStraddlingTheCutIsMaskedWholeNotCutFirst() {
        String secret = "straddling-s3cr3t-0123456789";
        String body = "x".repeat(490) + secret + "y".repeat(100);
        OpenChoreoException e = error(new SecretMasker().add(secret), "text/plain", body);
        assertThat(e.getMessage()).doesNotContain(secret.substring(0, 8)).contains("x".repeat(490) + SecretMasker.MASK);
    }

    @Test
    void aJsonEscapedSecretInAPlainBodyIsMasked() {
        String secret = "quote\"and\\slash";
        OpenChoreoException e = error(new SecretMasker().add(secret), "text/plain",
                "upstream said {\"client_secret_echo\":\"quote\\\"and\\\\slash\"}");
        assertThat(e.getMessage()).doesNotContain("quote").doesNotContain("slash").contains(SecretMasker.MASK);
    }

    @Test
    void controlCharactersInTheAnswerCannotStartANewLine() {
        String forged = "bad\r\n[OpenChoreo] Created Workload default/evil\u2028\u0085\u001b[2K";
        for (String body : List.of(forged, "{\"error\":\"" + forged.replace("\r", "\\r").replace("\n", "\\n")
                .replace("\u001b", "\\u001b") + "\",\"details\":[{\"field\":\"a\\nb\",\"message\":\"c\\rd\"}]}")) {
            OpenChoreoException e = error(new SecretMasker(), body.startsWith("{") ? "application/json" : "text/plain",
                    body);
            assertThat(e.getMessage()).as(body).doesNotContain("\n", "\r", "\u2028", "\u0085", "\u001b")
                    .contains("Created Workload default/evil");
            if (e instanceof InvalidRequestException invalid && !invalid.fieldErrors().isEmpty()) {
                assertThat(invalid.fieldErrors().get(0).field() + invalid.fieldErrors().get(0).message())
                        .doesNotContain("\n", "\r");
            }
        }
    }

    @Test
    void aHugeAnswerFullOfTokenStartsIsReadWithoutStalling() {
        String body = "{\"error\":\"" + "eyJ".repeat(100_000) + "\"}";
        OpenChoreoException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), // a hang guard: a quadratic pattern needs minutes here
                () -> error(new SecretMasker(), "application/json", body));
        assertThat(e.getMessage().length()).isLessThan(1000);
    }
}
