package io.jenkins.plugins.openchoreo.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.rules.Urls;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the token endpoint from the API URL alone: the API's protected-resource metadata
 * (RFC 9728) names the authorization server, whose OpenID or OAuth metadata (RFC 8414) names the
 * token endpoint. The result is cached per API URL for the life of the process.
 *
 * <p>What the server names is checked before it is used, because the client secret goes there:
 * an absolute http(s) URL with a host, no user info, query or fragment, and no plain http behind
 * an https API (a downgrade that would send the secret in clear).
 */
public final class TokenEndpointDiscovery {

    private final Transport transport;
    private final Retrier retrier;
    private final TokenCache cache;

    public TokenEndpointDiscovery(Transport transport, Retrier retrier, TokenCache cache) {
        this.transport = transport;
        this.retrier = retrier;
        this.cache = cache;
    }

    public URI tokenEndpoint(URI apiUrl, CallObserver observer) {
        URI known = cache.discovered(apiUrl);
        if (known != null) {
            return known;
        }
        URI resourceMetadata = URI.create(trimSlash(apiUrl.toString()) + "/.well-known/oauth-protected-resource");
        JsonNode resource = fetch(resourceMetadata, HttpCall.Target.API, observer);
        JsonNode servers = resource == null ? null : resource.get("authorization_servers");
        if (servers == null || !servers.isArray() || servers.isEmpty() || !servers.get(0).isTextual()) {
            throw failed(apiUrl, resourceMetadata + " names no authorization server");
        }
        String issuer = checked(apiUrl, "authorization server", servers.get(0).asText()).toString();
        List<String> tried = new ArrayList<>();
        for (URI metadata : metadataUrls(issuer)) {
            tried.add(metadata.toString());
            JsonNode document = fetch(metadata, HttpCall.Target.IDENTITY_PROVIDER, observer);
            if (document != null && document.path("token_endpoint").isTextual()) {
                URI tokenUrl = checked(apiUrl, "token endpoint", document.path("token_endpoint").asText());
                cache.rememberDiscovered(apiUrl, tokenUrl);
                observer.info("Discovered the token endpoint " + tokenUrl + " from " + apiUrl);
                return tokenUrl;
            }
        }
        throw failed(apiUrl, "no token_endpoint in " + String.join(" or ", tried));
    }

    /** OpenID discovery first, then RFC 8414 (path-inserted form, then appended form). */
    static List<URI> metadataUrls(String issuer) {
        String base = trimSlash(issuer);
        List<URI> urls = new ArrayList<>();
        urls.add(URI.create(base + "/.well-known/openid-configuration"));
        try {
            URI uri = new URI(base);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.isEmpty()) {
                urls.add(new URI(uri.getScheme() + "://" + uri.getRawAuthority()
                        + "/.well-known/oauth-authorization-server" + path));
            }
        } catch (URISyntaxException e) {
            // The appended form below still applies.
        }
        urls.add(URI.create(base + "/.well-known/oauth-authorization-server"));
        return urls;
    }

    /**
     * The JSON object at the URL, or null when it answers otherwise. A network failure (all the
     * retrier throws here) is reported as such: it says more than "could not discover".
     */
    private JsonNode fetch(URI url, HttpCall.Target target, CallObserver observer) {
        HttpCall call = HttpCall.get(target, url).withHeader("Accept", "application/json");
        HttpResult result = retrier.execute(call, transport, observer, r -> r);
        return result.isSuccess() ? TokenResponses.parse(result) : null;
    }

    /** A URL the server named, if the secret may go there; else why not (never echoing user info). */
    private static URI checked(URI apiUrl, String what, String value) {
        if (Urls.mayCarryUserInfo(value)) {
            throw failed(apiUrl, "the " + what + " it names has a user name or password in its URL");
        }
        String shown = "\"" + ServerText.shown(value, new SecretMasker(), 200) + "\"";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw failed(apiUrl, "the " + what + " " + shown + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw failed(apiUrl, "the " + what + " " + shown + " is not an absolute http:// or https:// URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw failed(apiUrl, "the " + what + " " + shown + " must not have a query or fragment");
        }
        if (scheme.equals("http") && "https".equalsIgnoreCase(apiUrl.getScheme())) {
            throw failed(apiUrl, "the " + what + " " + shown + " is plain http behind an https API, so the client "
                    + "secret would travel unencrypted; set the token URL yourself if that is really meant");
        }
        return uri;
    }

    private static InvalidRequestException failed(URI apiUrl, String why) {
        return new InvalidRequestException(ErrorCode.DISCOVERY_FAILED,
                "Could not discover the token endpoint from " + apiUrl + ": " + why);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
