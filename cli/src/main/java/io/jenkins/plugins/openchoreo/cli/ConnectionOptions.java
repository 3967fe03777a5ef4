package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.rules.Urls;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.CredentialHints;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.ProductVersion;
import io.jenkins.plugins.openchoreo.client.http.ProxySettings;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where OpenChoreo is and how to authenticate, shared by {@code deploy} and {@code check}. Every
 * option also reads an {@code OPENCHOREO_*} environment variable; secrets come only from the
 * environment or a file, never from arguments (they would show in process lists and CI logs).
 */
public final class ConnectionOptions {

    public static final String CLIENT_ID = "OPENCHOREO_CLIENT_ID";
    public static final String CLIENT_SECRET = "OPENCHOREO_CLIENT_SECRET";
    public static final String TOKEN = "OPENCHOREO_TOKEN";
    public static final String PROXY_PASSWORD = "OPENCHOREO_PROXY_PASSWORD";

    /** A refused credential, in the CLI's terms: its environment variables, not a Jenkins credential. */
    static final CredentialHints HINTS = new CredentialHints("The identity provider does not accept this client id "
            + "and client secret: check " + CLIENT_ID + " (or --client-id) and " + CLIENT_SECRET + " (or the file of "
            + "--client-secret-file), and that the application still exists.",
            "The API refused " + TOKEN + ": it may "
                    + "have expired or come from an issuer the API does not trust. Set a fresh " + TOKEN + ", or set "
                    + CLIENT_ID + " and " + CLIENT_SECRET + " so the CLI fetches tokens itself.");

    @Option(names = "--api-url", defaultValue = "${env:OPENCHOREO_API_URL}",
            description = "OpenChoreo API URL (env OPENCHOREO_API_URL).")
    String apiUrl;

    @Option(names = "--token-url", defaultValue = "${env:OPENCHOREO_TOKEN_URL}",
            description = "Token endpoint; blank: discovered from the API (env OPENCHOREO_TOKEN_URL).")
    String tokenUrl;

    @Option(names = "--portal-url", defaultValue = "${env:OPENCHOREO_PORTAL_URL}",
            description = "Backstage portal URL, for the component link (env OPENCHOREO_PORTAL_URL).")
    String portalUrl;

    @Option(names = "--client-id", defaultValue = "${env:OPENCHOREO_CLIENT_ID}",
            description = "OAuth2 client id (env OPENCHOREO_CLIENT_ID). The secret comes from "
                    + "OPENCHOREO_CLIENT_SECRET or --client-secret-file; a ready token from OPENCHOREO_TOKEN.")
    String clientId;

    @Option(names = "--client-secret-file", defaultValue = "${env:OPENCHOREO_CLIENT_SECRET_FILE}",
            description = "File holding the client secret (env OPENCHOREO_CLIENT_SECRET_FILE).")
    Path clientSecretFile;

    @Option(names = "--auth-method", defaultValue = "${env:OPENCHOREO_AUTH_METHOD:-auto}",
            description = "Client authentication: client_secret_basic, client_secret_post or auto "
                    + "(env OPENCHOREO_AUTH_METHOD; default ${DEFAULT-VALUE}).")
    String authMethod;

    @Option(names = "--scope", defaultValue = "${env:OPENCHOREO_SCOPE}",
            description = "Token scope, e.g. api://app/.default for Entra ID (env OPENCHOREO_SCOPE).")
    String scope;

    @Option(names = "--audience", defaultValue = "${env:OPENCHOREO_AUDIENCE}",
            description = "Token audience parameter, e.g. for Auth0 (env OPENCHOREO_AUDIENCE).")
    String audience;

    @Option(names = "--resource", defaultValue = "${env:OPENCHOREO_RESOURCE}",
            description = "Token resource parameter (RFC 8707; env OPENCHOREO_RESOURCE).")
    String resource;

    @Option(names = "--connect-timeout", defaultValue = "${env:OPENCHOREO_CONNECT_TIMEOUT:-10}",
            description = "Seconds to open a connection (env OPENCHOREO_CONNECT_TIMEOUT; default ${DEFAULT-VALUE}).")
    int connectTimeout;

    @Option(names = "--response-timeout", defaultValue = "${env:OPENCHOREO_RESPONSE_TIMEOUT:-30}",
            description = "Seconds of silence before a call times out (env OPENCHOREO_RESPONSE_TIMEOUT; "
                    + "default ${DEFAULT-VALUE}).")
    int responseTimeout;

    @Option(names = "--call-timeout", defaultValue = "${env:OPENCHOREO_CALL_TIMEOUT:-60}",
            description = "Seconds for one whole call (env OPENCHOREO_CALL_TIMEOUT; default ${DEFAULT-VALUE}).")
    int callTimeout;

    @Option(names = "--retries", defaultValue = "${env:OPENCHOREO_RETRIES:-5}",
            description = "Attempts per call, 1-20 (env OPENCHOREO_RETRIES; default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--deadline", defaultValue = "${env:OPENCHOREO_DEADLINE:-180}",
            description = "Seconds one call may take with all its retries (env OPENCHOREO_DEADLINE; "
                    + "default ${DEFAULT-VALUE}).")
    int deadline;

    @Option(names = "--ca-bundle", defaultValue = "${env:OPENCHOREO_CA_BUNDLE}",
            description = "PEM file of extra CA certificates to trust (env OPENCHOREO_CA_BUNDLE).")
    Path caBundle;

    @Option(names = "--proxy", defaultValue = "${env:OPENCHOREO_PROXY}",
            description = "HTTP proxy as http://[user@]host:port; its password from OPENCHOREO_PROXY_PASSWORD "
                    + "(env OPENCHOREO_PROXY).")
    String proxy;

    @Option(names = "--no-proxy", split = ",", defaultValue = "${env:OPENCHOREO_NO_PROXY}",
            description = "Hosts reached without the proxy, comma-separated (env OPENCHOREO_NO_PROXY).")
    List<String> noProxy;

    ConnectionSettings settings() {
        if (apiUrl == null || apiUrl.isBlank()) {
            throw usage("The API URL is required: --api-url or OPENCHOREO_API_URL");
        }
        ClientAuthMethod method;
        try {
            method = ClientAuthMethod.parse(authMethod);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try {
            HttpSettings http = HttpSettings.defaults()
                    .withTimeouts(seconds(connectTimeout), seconds(responseTimeout), seconds(callTimeout))
                    .withUserAgentProduct("openchoreo-cli/" + ProductVersion.version())
                    .withProxy(proxySettings())
                    .withCaBundlePem(caBundle == null ? null : read(caBundle, "CA bundle"));
            RetrySettings retry = RetrySettings.defaults().withMaxAttempts(attempts).withDeadline(seconds(deadline));
            return ConnectionSettings.builder(apiUrl).tokenUrl(tokenUrl).portalUrl(portalUrl).authMethod(method)
                    .tokenParameters(new TokenParameters(scope, audience, resource)).http(http).retry(retry)
                    .credentialHints(HINTS).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    Credentials credentials() {
        String token = Environment.get(TOKEN);
        String secret = clientSecretFile != null ? read(clientSecretFile, "client secret file").strip()
                : Environment.get(CLIENT_SECRET);
        if (clientId != null && !clientId.isBlank()) {
            if (secret == null || secret.isEmpty()) {
                throw usage("The client secret is missing: set OPENCHOREO_CLIENT_SECRET or --client-secret-file "
                        + "(secrets are never taken as arguments)");
            }
            return Credentials.client(clientId.trim(), secret);
        }
        if (token != null) {
            return Credentials.token(token.strip());
        }
        throw usage("No credentials: set OPENCHOREO_CLIENT_ID and OPENCHOREO_CLIENT_SECRET (or "
                + "--client-secret-file), or OPENCHOREO_TOKEN");
    }

    private ProxySettings proxySettings() {
        if (proxy == null || proxy.isBlank()) {
            return null;
        }
        URI uri = Urls.require("proxy URL", proxy.replaceFirst("^(https?://)([^@/]+)@", "$1"));
        String user = proxy.matches("^https?://[^@/]+@.*") ? proxy.replaceFirst("^https?://([^@:/]+).*", "$1") : null;
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new ProxySettings(uri.getHost(), port, user, Environment.get(PROXY_PASSWORD),
                noProxy == null ? List.of() : noProxy.stream().map(String::trim).toList());
    }

    private static Duration seconds(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("timeouts and deadlines are whole seconds, at least 1");
        }
        return Duration.ofSeconds(value);
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw usage("Cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }

    static InvalidRequestException usage(String message) {
        return new InvalidRequestException(ErrorCode.INVALID_CONFIGURATION, message);
    }

    /** The option names, for the documentation check. */
    static List<String> names() {
        return Arrays.stream(ConnectionOptions.class.getDeclaredFields())
                .map(f -> f.getAnnotation(Option.class)).filter(java.util.Objects::nonNull)
                .flatMap(o -> Arrays.stream(o.names())).toList();
    }
}
