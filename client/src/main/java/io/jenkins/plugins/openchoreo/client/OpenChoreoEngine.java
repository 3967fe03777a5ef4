package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.auth.TokenEndpointDiscovery;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The engine of one process: the token cache and a bounded pool of HTTP transports (one per
 * {@link HttpSettings}, at most {@value #MAX_TRANSPORTS}; the least recently used is dropped and
 * closed once no call uses it). Makes the {@link OpenChoreoConnection} each deploy, promotion or
 * check talks through. The plugin holds one for Jenkins' lifetime, the CLI one per command; close
 * it when done: its transports are closed, and it refuses new work.
 */
public final class OpenChoreoEngine implements AutoCloseable {

    /** Transports kept at most: each holds a connection pool (and a proxy password, if any). */
    public static final int MAX_TRANSPORTS = 8;

    private final TokenCache tokens;
    private final Map<HttpSettings, Transport> transports;
    private boolean closed;

    /** An engine with its own token cache. */
    public OpenChoreoEngine() {
        this(new TokenCache(Clock.systemUTC()));
    }

    /** An engine with the given token cache (tests give one with their clock). */
    public OpenChoreoEngine(TokenCache tokens) {
        this(tokens, MAX_TRANSPORTS);
    }

    OpenChoreoEngine(TokenCache tokens, int maxTransports) {
        this.tokens = Objects.requireNonNull(tokens, "token cache");
        this.transports = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<HttpSettings, Transport> eldest) {
                if (size() <= maxTransports) {
                    return false;
                }
                eldest.getValue().retire();
                return true;
            }
        };
    }

    /** A connection for one deploy, promotion or check, with a masker of its own. */
    public OpenChoreoConnection connect(ConnectionSettings settings, Credentials credentials, CallObserver observer) {
        return connect(settings, credentials, new SecretMasker(), observer);
    }

    /**
     * A connection whose masker is the given one: a deploy hands its listener's masker, so that
     * every text of the deploy, before and after the connection, goes through the masker that
     * learns the connection's secrets.
     */
    public OpenChoreoConnection connect(ConnectionSettings settings, Credentials credentials, SecretMasker masker,
            CallObserver observer) {
        return new OpenChoreoConnection(this, settings, credentials, masker, observer);
    }

    /**
     * Where a client secret would go: the configured token URL, or the one discovery finds from
     * the API (no secret is sent to find it; the result is cached like a deploy's). Lets a front
     * end check a URL before it hands the secret over, as the plugin checks credential domains.
     */
    public URI tokenEndpoint(ConnectionSettings settings, CallObserver observer) {
        if (settings.tokenUrl() != null) {
            return settings.tokenUrl();
        }
        return discovery(settings).tokenEndpoint(settings.apiUrl(), observer);
    }

    TokenEndpointDiscovery discovery(ConnectionSettings settings) {
        return new TokenEndpointDiscovery(transport(settings.http()), new Retrier(settings.retry()), tokens);
    }

    TokenCache tokens() {
        return tokens;
    }

    /** The pooled transport for these HTTP settings, made on first use. */
    public synchronized Transport transport(HttpSettings http) {
        if (closed) {
            throw new IllegalStateException("This OpenChoreo engine is closed: make a new one");
        }
        Transport transport = transports.get(http);
        if (transport == null) {
            transport = new Transport(http);
            transports.put(http, transport);
        }
        return transport;
    }

    /** Forgets every token, authentication method and discovered endpoint (the plugin: its configuration changed). */
    public void clearTokens() {
        tokens.clear();
    }

    /** Closes every transport (calls under way finish first) and refuses new work. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Transport transport : transports.values()) {
            transport.close();
        }
        transports.clear();
    }
}
