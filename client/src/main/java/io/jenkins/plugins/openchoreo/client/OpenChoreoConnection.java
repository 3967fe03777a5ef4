package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.api.ApiCaller;
import io.jenkins.plugins.openchoreo.client.api.PromotionClient;
import io.jenkins.plugins.openchoreo.client.api.RolloutClient;
import io.jenkins.plugins.openchoreo.client.api.WorkloadClient;
import io.jenkins.plugins.openchoreo.client.auth.ClientCredentialsTokenSource;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.FixedTokenSource;
import io.jenkins.plugins.openchoreo.client.auth.TokenEndpointDiscovery;
import io.jenkins.plugins.openchoreo.client.auth.TokenSource;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.ProxySettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;

/**
 * Everything one deploy (or promotion, or connection check) talks through: settings, credentials,
 * a masker that knows their secrets (and every token fetched), a token source and the API
 * clients, which share one {@link ApiCaller}. Made by {@link OpenChoreoEngine#connect}; cheap:
 * the HTTP connection pool and the tokens are the engine's.
 */
public final class OpenChoreoConnection {

    private final ConnectionSettings settings;
    private final SecretMasker masker;
    private final TokenSource tokens;
    private final WorkloadClient workloads;
    private final RolloutClient rollouts;
    private final PromotionClient promotions;
    private final CallObserver observer;

    OpenChoreoConnection(OpenChoreoEngine engine, ConnectionSettings settings, Credentials credentials,
            SecretMasker masker, CallObserver observer) {
        this.settings = settings;
        this.masker = learnSecrets(masker, settings, credentials);
        this.observer = CallObserver.masked(observer, masker::mask);
        Transport transport = engine.transport(settings.http());
        Retrier retrier = new Retrier(settings.retry());
        if (credentials instanceof Credentials.Client client) {
            TokenEndpointDiscovery discovery = engine.discovery(settings);
            this.tokens = new ClientCredentialsTokenSource(
                    obs -> settings.tokenUrl() != null ? settings.tokenUrl()
                            : discovery.tokenEndpoint(settings.apiUrl(), obs),
                    client, settings.authMethod(), settings.tokenParameters(), transport, retrier, engine.tokens(),
                    masker, settings.credentialHints().clientRefused());
        } else {
            Credentials.Token token = (Credentials.Token) credentials;
            this.tokens = new FixedTokenSource(token.token(), settings.credentialHints().tokenRefused());
        }
        ApiCaller caller = new ApiCaller(settings.apiUrl(), transport, retrier, tokens, masker, this.observer);
        this.workloads = new WorkloadClient(caller);
        this.rollouts = new RolloutClient(caller);
        this.promotions = new PromotionClient(caller);
    }

    /**
     * Teaches the masker every secret of these credentials and settings (the client secret with
     * its Basic form, or the ready token, and the proxy password), as a connection teaches its
     * own: for a front end that prints text of its own, such as an error from its arguments.
     * Tokens fetched later are known only to the connection's masker.
     */
    public static SecretMasker learnSecrets(SecretMasker masker, ConnectionSettings settings,
            Credentials credentials) {
        if (credentials instanceof Credentials.Client client) {
            masker.addClient(client.clientId(), client.clientSecret());
        } else {
            masker.add(((Credentials.Token) credentials).token());
        }
        ProxySettings proxy = settings.http().proxy();
        return proxy == null ? masker : masker.add(proxy.password());
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public SecretMasker masker() {
        return masker;
    }

    public TokenSource tokens() {
        return tokens;
    }

    public WorkloadClient workloads() {
        return workloads;
    }

    public RolloutClient rollouts() {
        return rollouts;
    }

    public PromotionClient promotions() {
        return promotions;
    }

    public CallObserver observer() {
        return observer;
    }
}
