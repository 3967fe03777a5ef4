package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.CredentialHints;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import io.jenkins.plugins.openchoreo.client.rules.Urls;
import java.net.URI;
import java.util.Objects;

/**
 * Where and how to reach OpenChoreo: the API, the token endpoint (null: discover it from the
 * API), the portal (null: no links), client authentication, token parameters, HTTP and retry
 * settings, and how the front end words a refused credential. Immutable; holds no secret.
 */
public record ConnectionSettings(URI apiUrl, URI tokenUrl, URI portalUrl, ClientAuthMethod authMethod,
        TokenParameters tokenParameters, HttpSettings http, RetrySettings retry, CredentialHints credentialHints) {

    public ConnectionSettings {
        Objects.requireNonNull(apiUrl, "API URL");
        authMethod = authMethod == null ? ClientAuthMethod.AUTO : authMethod;
        tokenParameters = tokenParameters == null ? TokenParameters.NONE : tokenParameters;
        http = http == null ? HttpSettings.defaults() : http;
        retry = retry == null ? RetrySettings.defaults() : retry;
        credentialHints = credentialHints == null ? CredentialHints.DEFAULT : credentialHints;
    }

    public static Builder builder(String apiUrl) {
        return new Builder(Urls.require("API URL", apiUrl));
    }

    public Builder toBuilder() {
        Builder builder = new Builder(apiUrl);
        builder.tokenUrl = tokenUrl;
        builder.portalUrl = portalUrl;
        builder.authMethod = authMethod;
        builder.tokenParameters = tokenParameters;
        builder.http = http;
        builder.retry = retry;
        builder.credentialHints = credentialHints;
        return builder;
    }

    /** Fluent construction from the strings users type; each URL is checked as it is set. */
    public static final class Builder {
        private URI apiUrl;
        private URI tokenUrl;
        private URI portalUrl;
        private ClientAuthMethod authMethod = ClientAuthMethod.AUTO;
        private TokenParameters tokenParameters = TokenParameters.NONE;
        private HttpSettings http = HttpSettings.defaults();
        private RetrySettings retry = RetrySettings.defaults();
        private CredentialHints credentialHints = CredentialHints.DEFAULT;

        private Builder(URI apiUrl) {
            this.apiUrl = apiUrl;
        }

        public Builder apiUrl(String value) {
            apiUrl = Urls.require("API URL", value);
            return this;
        }

        /** Blank means: discover the token endpoint from the API. */
        public Builder tokenUrl(String value) {
            tokenUrl = Urls.optional("token URL", value);
            return this;
        }

        public Builder portalUrl(String value) {
            portalUrl = Urls.optional("portal URL", value);
            return this;
        }

        public Builder authMethod(ClientAuthMethod value) {
            authMethod = value;
            return this;
        }

        public Builder tokenParameters(TokenParameters value) {
            tokenParameters = value;
            return this;
        }

        public Builder http(HttpSettings value) {
            http = value;
            return this;
        }

        public Builder retry(RetrySettings value) {
            retry = value;
            return this;
        }

        /** How the front end words a refused credential (null: the catalog's words). */
        public Builder credentialHints(CredentialHints value) {
            credentialHints = value;
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(apiUrl, tokenUrl, portalUrl, authMethod, tokenParameters, http, retry,
                    credentialHints);
        }
    }
}
