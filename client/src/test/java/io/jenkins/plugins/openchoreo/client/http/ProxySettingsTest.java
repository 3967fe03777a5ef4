package io.jenkins.plugins.openchoreo.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void noProxyEntriesMatchHostsAndDomainSuffixes() {
        ProxySettings proxy = new ProxySettings("proxy", 3128, null, null,
                List.of("api.internal", ".corp.example", "*.svc.local", " "));
        assertThat(proxy.bypasses("api.internal")).isTrue();
        assertThat(proxy.bypasses("API.Internal")).isTrue();
        assertThat(proxy.bypasses("x.corp.example")).isTrue();
        assertThat(proxy.bypasses("corp.example")).isTrue();
        assertThat(proxy.bypasses("a.svc.local")).isTrue();
        assertThat(proxy.bypasses("api.internal.evil.example")).isFalse();
        assertThat(proxy.bypasses("notcorp.example")).isFalse();
        assertThat(ProxySettings.of("proxy", 8080).bypasses("anything")).isFalse();
        assertThat(new ProxySettings("p", 1, null, null, List.of("*")).bypasses("anything")).isTrue();
    }

    @Test
    void credentialsAreNeverPrinted() {
        ProxySettings proxy = new ProxySettings("proxy", 3128, "jenkins", "pr0xy-pass", null);
        assertThat(proxy.hasCredentials()).isTrue();
        assertThat(proxy.toString()).contains("jenkins").doesNotContain("pr0xy-pass");
        assertThatThrownBy(() -> ProxySettings.of("proxy", 0)).hasMessageContaining("1-65535");
    }
}
