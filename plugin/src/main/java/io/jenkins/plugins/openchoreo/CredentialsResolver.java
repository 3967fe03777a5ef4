package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The one place a credential is chosen, for a deploy, a promotion and Test connection: the
 * override rules, the domain requirements of every URL a secret goes to, the check of a
 * discovered token endpoint, and the mapping to the engine's credentials (whose secrets the
 * engine's maskers learn). What differs is only how a credential is found:
 * for a run (folder credentials, the triggering user's permissions, the use recorded) or, for
 * Test connection, Jenkins-wide as SYSTEM (the page is for administrators only).
 */
final class CredentialsResolver {

    /** Finds a credential by id among those whose domains allow every requirement; null when none. */
    @FunctionalInterface
    interface Lookup {
        StandardCredentials find(String id, List<DomainRequirement> requirements);
    }

    /** The settings to use (with a discovered token URL fixed) and the engine's credentials. */
    record Chosen(ConnectionSettings settings, Credentials credentials) {}

    private final Lookup lookup;
    private final Consumer<StandardCredentials> track;

    private CredentialsResolver(Lookup lookup, Consumer<StandardCredentials> track) {
        this.lookup = lookup;
        this.track = track;
    }

    /**
     * For a build: {@code CredentialsProvider.findCredentialById} with the run, so folder
     * credentials of the job count and a credentials parameter ({@code ${NAME}}) is resolved with
     * the permissions of the user who started the build; the use is recorded (fingerprint).
     */
    static CredentialsResolver forRun(Run<?, ?> run) {
        return new CredentialsResolver(
                (id, requirements) -> CredentialsProvider.findCredentialById(id, StandardCredentials.class, run,
                        requirements),
                credential -> CredentialsProvider.track(run, credential));
    }

    /** For Test connection: Jenkins-wide credentials as SYSTEM; nothing to record. */
    static CredentialsResolver forTestConnection() {
        return new CredentialsResolver(
                (id, requirements) -> CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements),
                        CredentialsMatchers.withId(id)),
                credential -> {});
    }

    /**
     * The credential for a deploy or a promotion, under these rules.
     *
     * <p>The configured {@code credentialsId} is handed to the credentials plugin as written, never
     * expanded here: {@code ${NAME}} of a credentials parameter is resolved by
     * {@code CredentialsProvider.findCredentialById}, which checks that the user who started the
     * build may use the credential (Credentials/UseItem or UseOwn). Expanding it first made the id
     * look like a fixed one, looked up with the job's authority: anyone with Item/Build could name
     * any global credential.
     *
     * <p>Where a secret goes is the job's choice only with the job's own credentials:
     * <ul>
     * <li>The lookup's domain requirements name every URL the secret is sent to: the API URL, and
     * for a client id and secret the token URL, the configured one or, when none is configured,
     * the one discovery finds. Discovery needs no secret, so it runs first and the credential is
     * looked up again against what it found; the deploy then uses exactly that token URL.</li>
     * <li>A deploy that overrides {@code apiUrl} or {@code tokenUrl} must name its credentials,
     * and they must not be the global default credentials: those are the administrator's and go
     * only to the configured URLs. (Being Global scope, they can be found by id from any job, so
     * naming their id explicitly must not be a way around the rule.)</li>
     * <li>With an {@code apiUrl} override, a client id and secret need an explicit {@code tokenUrl}
     * too: an overridden API may advertise any token endpoint. A Secret text token is only ever
     * sent to the API URL, so it needs no token URL.</li>
     * </ul>
     *
     * @param requestedId the step's or action's credentials id as written, or null
     * @param defaultId the global configuration's credentials id, or null
     * @param settings the connection the arguments resolved to
     * @param apiOverridden whether the step names its own API URL
     * @param tokenOverridden whether the step names its own token URL
     */
    Chosen resolve(String requestedId, String defaultId, ConnectionSettings settings, boolean apiOverridden,
            boolean tokenOverridden, CallObserver observer) throws AbortException {
        boolean urlOverridden = apiOverridden || tokenOverridden;
        String id = Util.fixEmptyAndTrim(requestedId);
        if (id == null && urlOverridden) {
            throw new AbortException(Messages.DeployExecution_overrideNeedsCredentialsId());
        }
        String globalId = Util.fixEmptyAndTrim(defaultId);
        if (id == null) {
            id = globalId;
        }
        if (id == null) {
            throw new AbortException(Messages.DeployExecution_noCredentialsId());
        }
        if (urlOverridden && id.equals(globalId)) {
            throw new AbortException(Messages.DeployExecution_overrideWithDefaultCredentials(id));
        }
        StandardCredentials credential = find(id, settings.apiUrl(), settings.tokenUrl());
        if (credential == null) {
            throw new AbortException(Messages.Credentials_notFound(id));
        }
        // The id may have been a credentials parameter (${NAME}): compare what it resolved to as well.
        if (urlOverridden && credential.getId().equals(globalId)) {
            throw new AbortException(Messages.DeployExecution_overrideWithDefaultCredentials(credential.getId()));
        }
        if (apiOverridden && !tokenOverridden && credential instanceof StandardUsernamePasswordCredentials) {
            throw new AbortException(Messages.DeployExecution_apiOverrideNeedsTokenUrl());
        }
        ConnectionSettings checked = checkTokenEndpoint(id, credential, settings, observer);
        Credentials credentials = toEngine(credential);
        if (credentials == null) {
            throw new AbortException(Messages.Credentials_wrongType(id, credential.getDescriptor().getDisplayName()));
        }
        track.accept(credential);
        return new Chosen(checked, credentials);
    }

    /** The credential with this id whose domains allow every one of these URLs; null when none. */
    StandardCredentials find(String id, Object... urls) {
        return lookup.find(id, domainRequirements(urls));
    }

    /**
     * For a client id and secret without a configured token URL: discovers the token endpoint
     * (no secret is sent for that) and checks that the credential is found with its domain
     * requirements too. Returns the settings with that token URL fixed, so the secret goes
     * exactly where the check looked; other settings and Secret text tokens pass unchanged.
     *
     * @param id the id the credential was found by, as written (it may be a credentials parameter)
     */
    ConnectionSettings checkTokenEndpoint(String id, StandardCredentials credential, ConnectionSettings settings,
            CallObserver observer) throws AbortException {
        if (!(credential instanceof StandardUsernamePasswordCredentials) || settings.tokenUrl() != null) {
            return settings;
        }
        URI tokenUrl = OpenChoreoEngineHolder.engine().tokenEndpoint(settings, observer);
        if (find(id, settings.apiUrl(), tokenUrl) == null) {
            throw new AbortException(Messages.Credentials_notForTokenEndpoint(credential.getId(), tokenUrl));
        }
        return settings.toBuilder().tokenUrl(tokenUrl.toString()).build();
    }

    /**
     * The engine's credentials, or null when the credential is of a kind the plugin cannot use:
     * Username with password is an OAuth2 client (id and secret), Secret text a ready bearer
     * token. The result lives only as long as one deploy and is never stored.
     */
    Credentials toEngine(StandardCredentials credential) {
        if (credential instanceof StandardUsernamePasswordCredentials client) {
            return Credentials.client(client.getUsername(), client.getPassword().getPlainText());
        }
        if (credential instanceof StringCredentials token) {
            // The stripped value is what travels (and what a server may echo).
            return Credentials.token(token.getSecret().getPlainText().strip());
        }
        return null;
    }

    /**
     * Domain requirements for every URL a secret is sent to. {@link URIRequirementBuilder#withUri}
     * replaces the previous URL's requirements, so each URL gets its own builder and the lists
     * are joined: a domain matches only if none of the requirements is refused by its
     * specifications ({@code Domain.test(List)}), i.e. only if every host is allowed.
     *
     * @param urls null or blank entries are skipped
     */
    static List<DomainRequirement> domainRequirements(Object... urls) {
        List<DomainRequirement> requirements = new ArrayList<>();
        for (Object url : urls) {
            String text = url == null ? null : Util.fixEmptyAndTrim(url.toString());
            if (text != null) {
                requirements.addAll(URIRequirementBuilder.fromUri(text).build());
            }
        }
        return requirements;
    }
}
