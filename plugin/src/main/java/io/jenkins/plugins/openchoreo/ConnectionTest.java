package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.openchoreo.client.ConnectionCheck;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;

/**
 * Test connection on the global configuration page: a token and one call the CI role may make,
 * with the values in the form (not yet saved). The credential is chosen by the deploy's
 * {@link CredentialsResolver}: looked up with the domain requirements of both URLs, and a
 * discovered token endpoint checked against them before the secret goes there. Every answer is
 * masked.
 */
final class ConnectionTest {

    private final SecretMasker masker = new SecretMasker();
    private final CredentialsResolver credentials = CredentialsResolver.forTestConnection();

    /**
     * @param id the credentials id, not blank
     * @param apiUrl the form's API URL as typed
     * @param tokenUrl the form's token URL as typed; blank: discovered
     * @param namespace the form's default namespace; blank: the engine's default
     */
    FormValidation run(String id, String apiUrl, String tokenUrl, String namespace, String authMethod,
            TokenParameters parameters, int connectSeconds, int responseSeconds, int attempts) {
        String api = Util.fixEmptyAndTrim(apiUrl);
        String token = Util.fixEmptyAndTrim(tokenUrl);
        StandardCredentials credential = credentials.find(id, api, token);
        Credentials engineCredentials = credential == null ? null : credentials.toEngine(credential);
        if (engineCredentials == null) {
            return FormValidation.error(Messages.Credentials_notFound(id));
        }
        try {
            ConnectionSettings settings = JenkinsConnectionSettings.of(api, token, null, authMethod, parameters,
                    connectSeconds, responseSeconds, attempts);
            OpenChoreoConnection.learnSecrets(masker, settings, engineCredentials);
            // As a deploy does: a discovered token endpoint is checked against the credential's domains first.
            settings = credentials.checkTokenEndpoint(id, credential, settings, CallObserver.NONE);
            String inNamespace = Util.fixEmptyAndTrim(namespace);
            ConnectionCheck.Result result = ConnectionCheck.run(settings, engineCredentials,
                    OpenChoreoEngineHolder.engine(),
                    inNamespace == null ? DeployRequest.DEFAULT_NAMESPACE : inNamespace, null, CallObserver.NONE);
            return FormValidation.ok(masker.mask(result.summary()));
        } catch (AbortException e) {
            return FormValidation.error(masker.mask(e.getMessage()));
        } catch (OpenChoreoException e) {
            String hint = Util.fixEmptyAndTrim(e.hint());
            return FormValidation
                    .error(masker.mask(hint == null ? e.getMessage() : e.getMessage() + " (" + hint + ")"));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(masker.mask(e.getMessage()));
        } catch (RuntimeException e) {
            return FormValidation.error(EngineRun.bug(e, masker).getMessage());
        }
    }
}
