package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a Jenkins credential into the engine's: Username with password is an OAuth2 client (id and
 * secret), Secret text a ready bearer token. Every secret handed over is registered with the
 * masker first, so no log line or error message can show it. The result lives only as long as
 * one deploy and is never stored.
 */
final class EngineCredentials {

    private EngineCredentials() {}

    /** The engine's credentials, or null when the credential is of a kind the plugin cannot use. */
    static Credentials from(StandardCredentials credential, SecretMasker masker) {
        if (credential instanceof StandardUsernamePasswordCredentials client) {
            String secret = client.getPassword().getPlainText();
            masker.addClient(client.getUsername(), secret);
            return Credentials.client(client.getUsername(), secret);
        }
        if (credential instanceof StringCredentials token) {
            String value = token.getSecret().getPlainText();
            String sent = value.strip();
            // The stripped value is what travels (and what a server may echo); the raw one is
            // registered too, in case anything prints the credential as stored.
            masker.add(value);
            masker.add(sent);
            return Credentials.token(sent);
        }
        return null;
    }
}
