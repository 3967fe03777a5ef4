package io.jenkins.plugins.openchoreo.client.auth;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tokens in memory, per (token URL, client id, secret, parameters), until shortly before they
 * expire. Concurrent callers for one key share one request to the identity provider (single
 * flight), and share its failure too, so a down provider is asked once, not once per build.
 * Also remembers which client authentication method worked per token URL, and discovered token
 * endpoints per API URL. Nothing here is ever written to disk.
 */
public final class TokenCache {

    private final Clock clock;
    private final Map<Key, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<AccessToken>> inFlight = new ConcurrentHashMap<>();
    private final Map<URI, ClientAuthMethod> workingMethods = new ConcurrentHashMap<>();
    private final Map<URI, URI> discoveredEndpoints = new ConcurrentHashMap<>();

    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** The cached token for the key, or the one {@code fetch} brings (called by one caller only). */
    AccessToken get(Key key, Supplier<AccessToken> fetch) {
        AccessToken cached = usable(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> flight = inFlight.putIfAbsent(key, mine);
        if (flight != null) {
            return await(flight);
        }
        try {
            // A leader that finished just before we became one may have filled the cache.
            AccessToken token = usable(key);
            if (token == null) {
                token = fetch.get();
                tokens.put(key, token);
            }
            mine.complete(token);
            return token;
        } catch (RuntimeException | Error e) {
            // Waiters must never be left on a future that nothing will complete.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Forgets the token if it is still the cached one (a newer token stays). */
    void invalidate(Key key, AccessToken token) {
        tokens.remove(key, token);
    }

    ClientAuthMethod workingMethod(URI tokenUrl) {
        return workingMethods.get(tokenUrl);
    }

    void rememberMethod(URI tokenUrl, ClientAuthMethod method) {
        workingMethods.put(tokenUrl, method);
    }

    URI discovered(URI apiUrl) {
        return discoveredEndpoints.get(apiUrl);
    }

    void rememberDiscovered(URI apiUrl, URI tokenUrl) {
        discoveredEndpoints.put(apiUrl, tokenUrl);
    }

    /** Drops everything (tests, and {@code OpenChoreoEngine.clearTokens}). */
    public void clear() {
        tokens.clear();
        workingMethods.clear();
        discoveredEndpoints.clear();
    }

    private AccessToken usable(Key key) {
        AccessToken token = tokens.get(key);
        return token != null && token.isUsableAt(clock.instant()) ? token : null;
    }

    /** Waits for another caller's request; an interrupt (an aborted build) stops the wait, not the request. */
    private static AccessToken await(CompletableFuture<AccessToken> flight) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(ErrorCode.ABORTED, "Interrupted while another deploy fetched the token", null,
                    null,
                    0, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OpenChoreoException known) {
                throw known;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** A cache key. Holds a digest of the secret, not the secret. */
    record Key(URI tokenUrl, String clientId, String secretDigest, TokenParameters parameters) {

        static Key of(URI tokenUrl, Credentials.Client client, TokenParameters parameters) {
            return new Key(tokenUrl, client.clientId(), digest(client.clientSecret()), parameters);
        }

        private static String digest(String secret) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        Key {
            Objects.requireNonNull(tokenUrl);
        }

        @Override
        public boolean equals(Object other) {
            // Written out, not generated: see HttpSettings.equals (start-up).
            return other instanceof Key o && tokenUrl.equals(o.tokenUrl) && Objects.equals(clientId, o.clientId)
                    && Objects.equals(secretDigest, o.secretDigest) && Objects.equals(parameters, o.parameters);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tokenUrl, clientId, secretDigest, parameters);
        }
    }
}
