package io.jenkins.plugins.openchoreo.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.auth.AccessToken;
import io.jenkins.plugins.openchoreo.client.auth.TokenSource;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import java.io.IOException;
import java.net.URI;

/**
 * Makes authenticated API calls: adds the bearer token, retries what is safe to retry, and on a
 * 401 fetches one fresh token and tries once more (a token can expire between two calls, or be
 * revoked). Other error answers become typed exceptions. One per connection, shared by its
 * {@link WorkloadClient}, {@link RolloutClient} and {@link PromotionClient}.
 */
public record ApiCaller(URI apiUrl, Transport transport, Retrier retrier, TokenSource tokens, SecretMasker masker,
        CallObserver observer) {

    /**
     * The policy for a PUT: the server answers one that loses a race with a concurrent update with
     * 500, which needs a fresh read and the change applied again, not the same body resent.
     */
    Retrier putPolicy() {
        return retrier.withoutRetryOn(500);
    }

    /** Calls and reads a JSON object from a 2xx answer. */
    JsonNode json(String method, URI uri, JsonNode body) {
        return json(method, uri, body, retrier);
    }

    /** As {@link #json(String, URI, JsonNode)}, with another retry policy. */
    JsonNode json(String method, URI uri, JsonNode body, Retrier policy) {
        HttpCall call = new HttpCall(HttpCall.Target.API, method, uri, java.util.Map.of("Accept", "application/json"),
                body == null ? null : Json.bytes(body), body == null ? null : "application/json");
        return authenticated(call, policy, this::readJson);
    }

    /** Calls a route that needs no token, reading the raw answer. */
    HttpResult anonymous(URI uri) {
        HttpCall call = HttpCall.get(HttpCall.Target.API, uri);
        return retrier.execute(call, transport, observer, result -> result);
    }

    private <T> T authenticated(HttpCall call, Retrier policy, Retrier.ResultReader<T> reader) {
        AccessToken token = tokens.token(observer);
        try {
            return policy.execute(bearer(call, token), transport, observer,
                    result -> read(call, result, reader, tokens.canRefresh()));
        } catch (Refused refused) {
            observer.info(call.describe() + " was refused with HTTP 401; fetching a fresh token and trying once more");
            tokens.invalidate(token);
            AccessToken fresh = tokens.token(observer);
            return policy.execute(bearer(call, fresh), transport, observer,
                    result -> read(call, result, reader, false));
        }
    }

    private <T> T read(HttpCall call, HttpResult result, Retrier.ResultReader<T> reader, boolean mayRefresh) {
        if (result.isSuccess()) {
            return reader.read(result);
        }
        if (result.status() == 401 && mayRefresh) {
            throw new Refused();
        }
        throw ApiErrors.of(call, result, masker, tokens.canRefresh() ? null : tokens.refusedHint());
    }

    private static HttpCall bearer(HttpCall call, AccessToken token) {
        return call.withHeader("Authorization", "Bearer " + token.value());
    }

    private JsonNode readJson(HttpResult result) {
        try {
            JsonNode node = Json.MAPPER.readTree(result.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new TransportException(ErrorCode.BAD_RESPONSE, "The API answered HTTP " + result.status()
                + " with a body that is not a JSON object", null, result.requestId(), result.status(), null);
    }

    /** A 401 that a fresh token may cure; internal to {@link #authenticated}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("HTTP 401", null, false, false);
        }
    }
}
