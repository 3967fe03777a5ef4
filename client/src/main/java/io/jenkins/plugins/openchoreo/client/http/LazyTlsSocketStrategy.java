package io.jenkins.plugins.openchoreo.client.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Builds the TLS set-up on the first HTTPS connection, not with the client: loading the system's
 * CA certificates costs a short CLI run a noticeable part of its start-up, which a plain-HTTP
 * deploy (the sandbox, an in-cluster URL) never needs. With a CA bundle it is built at once, so a
 * bad bundle is still reported as a configuration error before any request.
 */
final class LazyTlsSocketStrategy implements TlsSocketStrategy {

    private final String caBundlePem;
    private volatile TlsSocketStrategy delegate;

    LazyTlsSocketStrategy(String caBundlePem) {
        this.caBundlePem = caBundlePem;
        if (caBundlePem != null && !caBundlePem.isBlank()) {
            delegate = build(caBundlePem);
        }
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return delegate().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy delegate() {
        TlsSocketStrategy strategy = delegate;
        if (strategy == null) {
            synchronized (this) {
                strategy = delegate;
                if (strategy == null) {
                    strategy = build(caBundlePem);
                    delegate = strategy;
                }
            }
        }
        return strategy;
    }

    private static TlsSocketStrategy build(String caBundlePem) {
        return ClientTlsStrategyBuilder.create().setSslContext(TrustMaterial.sslContext(caBundlePem)).buildClassic();
    }
}
