package io.jenkins.plugins.openchoreo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Connection settings: what an unset option means, and that the builder keeps every option. */
class ConnectionSettingsTest {

    @Test
    void unsetOptionsMeanTheDocumentedDefaults() {
        ConnectionSettings settings = new ConnectionSettings(URI.create("https://api.example"), null, null, null, null,
                null, null, null);
        assertThat(settings.authMethod()).isEqualTo(ClientAuthMethod.AUTO);
        assertThat(settings.tokenParameters()).isEqualTo(TokenParameters.NONE);
        assertThat(settings.http()).isEqualTo(HttpSettings.defaults());
        assertThat(settings.retry()).isEqualTo(RetrySettings.defaults());
        assertThat(settings.tokenUrl()).as("null: discover it").isNull();
        assertThat(settings.portalUrl()).isNull();
        assertThat(settings.credentialHints())
                .isEqualTo(io.jenkins.plugins.openchoreo.client.auth.CredentialHints.DEFAULT);
    }

    @Test
    void theApiUrlIsRequired() {
        assertThatThrownBy(() -> new ConnectionSettings(null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("API URL");
        assertThatThrownBy(() -> ConnectionSettings.builder(" ")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("API URL is required");
    }

    @Test
    void toBuilderKeepsEveryOptionAndBlankUrlsMeanNone() {
        ConnectionSettings original = ConnectionSettings.builder("https://api.example/")
                .tokenUrl("https://idp.example/oauth2/token").portalUrl("https://portal.example")
                .authMethod(ClientAuthMethod.BASIC).tokenParameters(new TokenParameters("ci", "api", null))
                .http(SandboxTestSupport.FAST_HTTP).retry(SandboxTestSupport.FAST_RETRY).build();
        assertThat(original.apiUrl()).isEqualTo(URI.create("https://api.example"));
        assertThat(original.toBuilder().build()).isEqualTo(original);
        ConnectionSettings cleared = original.toBuilder().tokenUrl("").portalUrl(null).build();
        assertThat(cleared.tokenUrl()).isNull();
        assertThat(cleared.portalUrl()).isNull();
        assertThat(cleared.authMethod()).isEqualTo(ClientAuthMethod.BASIC);
    }
}
