package io.jenkins.plugins.openchoreo.client.auth;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TokenException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Tokens by the OAuth2 client credentials grant, form-encoded, cached in a {@link TokenCache}.
 * The token URL is given or discovered from the API. Transient failures of the identity provider
 * are retried; refusals are typed by their RFC 6749 error.
 */
public final class ClientCredentialsTokenSource implements TokenSource {

    private final Function<CallObserver, URI> tokenUrl;
    private final Credentials.Client client;
    private final ClientAuthMethod method;
    private final TokenParameters parameters;
    private final Transport transport;
    private final Retrier retrier;
    private final TokenCache cache;
    private final SecretMasker masker;
    private final String clientRefusedHint;

    /**
     * @param tokenUrl gives the token URL (a fixed one, or discovery); called only on a cache miss
     *     or to key the cache, so discovery is cached by {@link TokenEndpointDiscovery}
     * @param clientRefusedHint the hint when the identity provider refuses the client id and secret
     *     ({@link CredentialHints#clientRefused()})
     */
    public ClientCredentialsTokenSource(Function<CallObserver, URI> tokenUrl, Credentials.Client client,
            ClientAuthMethod method, TokenParameters parameters, Transport transport, Retrier retrier,
            TokenCache cache, SecretMasker masker, String clientRefusedHint) {
        this.tokenUrl = tokenUrl;
        this.client = client;
        this.method = method;
        this.parameters = parameters;
        this.transport = transport;
        this.retrier = retrier;
        this.cache = cache;
        this.masker = masker.addClient(client.clientId(), client.clientSecret());
        this.clientRefusedHint = clientRefusedHint;
    }

    @Override
    public AccessToken token(CallObserver observer) {
        URI url = tokenUrl.apply(observer);
        AccessToken token = cache.get(TokenCache.Key.of(url, client, parameters), () -> fetch(url, observer));
        // A token from the shared cache was fetched by another deploy, with another masker: teach ours.
        masker.add(token.value());
        return token;
    }

    @Override
    public void invalidate(AccessToken token) {
        cache.invalidate(TokenCache.Key.of(tokenUrl.apply(CallObserver.NONE), client, parameters), token);
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    private AccessToken fetch(URI url, CallObserver observer) {
        if (method != ClientAuthMethod.AUTO) {
            return request(url, method, observer);
        }
        ClientAuthMethod first = cache.workingMethod(url);
        // client_secret_post first: OpenChoreo's own CI client and CI template use it, so a fresh
        // process (the CLI in a CI job) needs one request, not two, with the default setup.
        ClientAuthMethod tryFirst = first == null ? ClientAuthMethod.POST : first;
        try {
            AccessToken token = request(url, tryFirst, observer);
            cache.rememberMethod(url, tryFirst);
            return token;
        } catch (TokenException e) {
            if (!TokenResponses.wrongMethod(e)) {
                throw e;
            }
            ClientAuthMethod fallback = tryFirst.other();
            observer.info("The identity provider refused " + tryFirst.wireName() + " (unauthorized_client); trying "
                    + fallback.wireName());
            AccessToken token;
            try {
                token = request(url, fallback, observer);
            } catch (TokenException second) {
                throw new TokenException(second.code(), second.getMessage() + "; tried " + tryFirst.wireName()
                        + " and " + fallback.wireName(), second.oauthError(), second.requestId(), second.status(),
                        null, second.hint());
            }
            cache.rememberMethod(url, fallback);
            return token;
        }
    }

    private AccessToken request(URI url, ClientAuthMethod how, CallObserver observer) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", parameters.scope());
        form.put("audience", parameters.audience());
        form.put("resource", parameters.resource());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (how == ClientAuthMethod.BASIC) {
            // RFC 6749 §2.3.1: form-encode id and secret before base64 (ThunderID decodes them).
            String pair = encode(client.clientId()) + ":" + encode(client.clientSecret());
            headers.put("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret());
        }
        HttpCall call = new HttpCall(HttpCall.Target.IDENTITY_PROVIDER, "POST", url, headers,
                formBody(form), "application/x-www-form-urlencoded");
        return retrier.execute(call, transport, observer, result -> {
            try {
                return TokenResponses.read(result, url, cache.clock().instant(), masker);
            } catch (TokenException e) {
                throw e.code() != ErrorCode.TOKEN_INVALID_CLIENT || clientRefusedHint == null ? e
                        : new TokenException(e.code(), e.getMessage(), e.oauthError(), e.requestId(), e.status(),
                                null, clientRefusedHint);
            }
        });
    }

    private static byte[] formBody(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> {
            if (value != null) {
                body.add(encode(name) + "=" + encode(value));
            }
        });
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
