package io.jenkins.plugins.openchoreo.client.mask;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static final String SECRET = "s3cr+t&%:=ü€";

    @Test
    void masksTheSecretInEveryFormItTravelsIn() {
        SecretMasker masker = new SecretMasker().addClient("ci-client", SECRET);
        String basic = Base64.getEncoder().encodeToString(("ci-client:" + URLEncoder.encode(SECRET,
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String text = "raw " + SECRET + " form " + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + " header "
                + basic + " b64 " + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        String masked = masker.mask(text);
        assertThat(masked).doesNotContain(SECRET).doesNotContain(basic)
                .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
                .contains("raw ****", "form ****", "header ****", "b64 ****");
    }

    @Test
    void masksTokensItWasNeverToldOf() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl";
        String masked = new SecretMasker().mask("token " + jwt + " Authorization: Bearer abc.def-ghi "
                + "Basic Y2k6cHc= client_secret=hunter22&x=1 {\"access_token\":\"opaque-123\"}");
        assertThat(masked).doesNotContain(jwt).doesNotContain("abc.def-ghi").doesNotContain("Y2k6cHc=")
                .doesNotContain("hunter22").doesNotContain("opaque-123")
                .contains("Bearer ****", "Basic ****", "client_secret=****", "&x=1");
        assertThat(new SecretMasker().mask("password: hunter22 secret=s3cr3t {\"secret\": \"v4lue\"}"))
                .doesNotContain("hunter22").doesNotContain("s3cr3t").doesNotContain("v4lue");
    }

    @Test
    void leavesOrdinaryTextAndShortValuesAlone() {
        SecretMasker masker = new SecretMasker().add("ab").add(null);
        String text = "Workload greeter-workload, env {\"key\":\"DB_SECRET\",\"valueFrom\":{\"secretKeyRef\":{}}}";
        assertThat(masker.mask(text)).isEqualTo(text);
        String hint = "The identity provider does not accept this client id and secret: check the credential";
        assertThat(masker.mask(hint)).isEqualTo(hint);
        assertThat(masker.mask(null)).isNull();
        assertThat(masker.mask("")).isEmpty();
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        SecretMasker masker = new SecretMasker().add("abcd").add("abcdefgh");
        assertThat(masker.mask("x abcdefgh y")).isEqualTo("x **** y");
    }

    /** Long enough never to trip on a slow machine; a quadratic pattern needs minutes here. */
    static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Test
    void textFullOfTokenStartsIsMaskedWithoutStalling() {
        // Each "eyJ" used to start a scan to the end of the run: 300 KB kept the CLI busy for minutes.
        String text = "eyJ".repeat(100_000);
        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> new SecretMasker().add("s3cr3t-value").mask(text));
        assertThat(masked).isEqualTo(text);
        String withToken = "x".repeat(10) + "eyJ".repeat(50_000) + ".eyJ.sig";
        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> new SecretMasker().mask(withToken)))
                .isEqualTo("x".repeat(10) + SecretMasker.MASK);
    }

    @Test
    void jsonEscapedAndUrlEncodedFormsAreMaskedToo() {
        String secret = "pa\"ss\\w/rd <&> ü";
        SecretMasker masker = new SecretMasker().add(secret);
        String json = "pa\\\"ss\\\\w/rd \\u003c\\u0026\\u003e ü";
        String slashed = "pa\\\"ss\\\\w\\/rd <&> ü";
        String jackson = "pa\\\"ss\\\\w/rd <&> ü";
        String ascii = "pa\\\"ss\\\\w/rd <&> \\u00fc";
        String percent = URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20");
        String text = "go " + json + " php " + slashed + " java " + jackson + " ascii " + ascii + " query " + percent
                + " lower " + percent.toLowerCase(java.util.Locale.ROOT);
        assertThat(masker.mask(text)).isEqualTo(
                "go **** php **** java **** ascii **** query **** lower ****");
    }
}
