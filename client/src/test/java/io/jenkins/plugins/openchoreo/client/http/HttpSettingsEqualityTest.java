package io.jenkins.plugins.openchoreo.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * HttpSettings keys the pool of transports: two settings share a transport only when every field
 * is the same (another proxy, CA bundle or timeout must get its own client). Its equals is written
 * out for start-up, so each field is checked.
 */
class HttpSettingsEqualityTest {

    @Test
    void equalSettingsAreEqualAndEveryFieldCounts() {
        HttpSettings base = HttpSettings.defaults();
        assertThat(base).isEqualTo(HttpSettings.defaults()).hasSameHashCodeAs(HttpSettings.defaults())
                .isNotEqualTo("settings");
        Duration one = Duration.ofSeconds(1);
        assertThat(base)
                .isNotEqualTo(base.withTimeouts(one, base.responseTimeout(), base.callTimeout()))
                .isNotEqualTo(base.withTimeouts(base.connectTimeout(), one, base.callTimeout()))
                .isNotEqualTo(base.withTimeouts(base.connectTimeout(), base.responseTimeout(), one))
                .isNotEqualTo(base.withProxy(ProxySettings.of("proxy.example.com", 3128)))
                .isNotEqualTo(base.withCaBundlePem("-----BEGIN CERTIFICATE-----"))
                .isNotEqualTo(base.withUserAgentProduct("other/1.0"))
                .isNotEqualTo(base.withMaxResponseBytes(1024));
        assertThat(base.withProxy(ProxySettings.of("proxy.example.com", 3128)))
                .isEqualTo(HttpSettings.defaults().withProxy(ProxySettings.of("proxy.example.com", 3128)));
    }
}
