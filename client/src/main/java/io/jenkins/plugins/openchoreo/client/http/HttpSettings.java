package io.jenkins.plugins.openchoreo.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine talks HTTP: timeouts, proxy, extra trusted CAs and how it names itself. TLS
 * verification is always on; the CA bundle only adds trust on top of the system's.
 *
 * @param connectTimeout time to open a connection
 * @param responseTimeout longest silence while waiting for response bytes
 * @param callTimeout longest time for one whole call, body included (a slow body cannot hold a build)
 * @param proxy the proxy, or null for direct connections
 * @param caBundlePem extra CA certificates in PEM, or null
 * @param userAgentProduct the front end's product token, e.g. {@code openchoreo-jenkins/1.0}, or null
 * @param maxResponseBytes larger bodies are refused, so a misdirected URL cannot exhaust memory
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, Duration callTimeout,
        ProxySettings proxy, String caBundlePem, String userAgentProduct, long maxResponseBytes) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

    public HttpSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(responseTimeout, "response timeout");
        requirePositive(callTimeout, "call timeout");
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("max response bytes must be at least 1024");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_CALL_TIMEOUT, null, null,
                null, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public HttpSettings withTimeouts(Duration connect, Duration response, Duration call) {
        return new HttpSettings(connect, response, call, proxy, caBundlePem, userAgentProduct, maxResponseBytes);
    }

    public HttpSettings withProxy(ProxySettings newProxy) {
        return new HttpSettings(connectTimeout, responseTimeout, callTimeout, newProxy, caBundlePem, userAgentProduct,
                maxResponseBytes);
    }

    public HttpSettings withCaBundlePem(String pem) {
        return new HttpSettings(connectTimeout, responseTimeout, callTimeout, proxy, pem, userAgentProduct,
                maxResponseBytes);
    }

    public HttpSettings withUserAgentProduct(String product) {
        return new HttpSettings(connectTimeout, responseTimeout, callTimeout, proxy, caBundlePem, product,
                maxResponseBytes);
    }

    public HttpSettings withMaxResponseBytes(long max) {
        return new HttpSettings(connectTimeout, responseTimeout, callTimeout, proxy, caBundlePem, userAgentProduct,
                max);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        // Written out, not generated: a record's generated equals and hashCode are linked on first
        // use, a measurable part of a short CLI run's start-up (docs/performance.md).
        return other instanceof HttpSettings o && connectTimeout.equals(o.connectTimeout)
                && responseTimeout.equals(o.responseTimeout) && callTimeout.equals(o.callTimeout)
                && Objects.equals(proxy, o.proxy) && Objects.equals(caBundlePem, o.caBundlePem)
                && Objects.equals(userAgentProduct, o.userAgentProduct) && maxResponseBytes == o.maxResponseBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, responseTimeout, callTimeout, proxy, caBundlePem, userAgentProduct,
                maxResponseBytes);
    }
}
