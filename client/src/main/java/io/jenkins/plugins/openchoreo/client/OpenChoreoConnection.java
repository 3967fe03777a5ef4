package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.api.PromotionClient;
import io.jenkins.plugins.openchoreo.client.api.RolloutClient;
import io.jenkins.plugins.openchoreo.client.api.WorkloadClient;
import io.jenkins.plugins.openchoreo.client.auth.ClientCredentialsTokenSource;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.FixedTokenSource;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.auth.TokenEndpointDiscovery;
import io.jenkins.plugins.openchoreo.client.auth.TokenSource;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one deploy (or connection check) talks through: settings, credentials, a masker
 * that knows their secrets, a token source and the API client. Cheap to make: the HTTP
 * connection pool is shared per HTTP configuration, and tokens are shared through the
 * {@link TokenCache}.
 */
public final class OpenChoreoConnection {

    private static final Map<HttpSettings, Transport> TRANSPORTS = new ConcurrentHashMap<>();

    private final ConnectionSettings settings;
    private final SecretMasker masker;
    private final TokenSource tokens;
    private final WorkloadClient workloads;
    private final RolloutClient rollouts;
    private final PromotionClient promotions;
    private final CallObserver observer;

    public OpenChoreoConnection(ConnectionSettings settings, Credentials credentials, TokenCache cache,
            CallObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.masker = new SecretMasker();
        Transport transport = transport(settings.http());
        Retrier retrier = new Retrier(settings.retry());
        if (credentials instanceof Credentials.Client client) {
            TokenEndpointDiscovery discovery = new TokenEndpointDiscovery(transport, retrier, cache);
            this.tokens = new ClientCredentialsTokenSource(
                    obs -> settings.tokenUrl() != null ? settings.tokenUrl()
                            : discovery.tokenEndpoint(settings.apiUrl(), obs),
                    client, settings.authMethod(), settings.tokenParameters(), transport, retrier, cache, masker,
                    settings.credentialHints().clientRefused());
        } else {
            Credentials.Token token = (Credentials.Token) credentials;
            masker.add(token.token());
            this.tokens = new FixedTokenSource(token.token(), settings.credentialHints().tokenRefused());
        }
        this.workloads = new WorkloadClient(settings.apiUrl(), transport, retrier, tokens, masker, observer);
        this.rollouts = new RolloutClient(settings.apiUrl(), transport, retrier, tokens, masker, observer);
        this.promotions = new PromotionClient(settings.apiUrl(), transport, retrier, tokens, masker, observer);
    }

    /**
     * Where a client secret would go: the configured token URL, or the one discovery finds from
     * the API (no secret is sent to find it; the result is cached like a deploy's). Lets a front
     * end check a URL before it hands the secret over, as the plugin checks credential domains.
     */
    public static java.net.URI tokenEndpoint(ConnectionSettings settings, TokenCache cache, CallObserver observer) {
        if (settings.tokenUrl() != null) {
            return settings.tokenUrl();
        }
        return new TokenEndpointDiscovery(transport(settings.http()), new Retrier(settings.retry()), cache)
                .tokenEndpoint(settings.apiUrl(), observer);
    }

    /** The pooled transport for these HTTP settings, made on first use. */
    public static Transport transport(HttpSettings http) {
        return TRANSPORTS.computeIfAbsent(http, Transport::new);
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
