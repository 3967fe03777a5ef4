package io.jenkins.plugins.openchoreo.client.http;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes through the proxy, except to the hosts the proxy settings say to reach directly. */
final class NoProxyRoutePlanner extends DefaultRoutePlanner {

    private final HttpHost proxyHost;
    private final ProxySettings settings;

    NoProxyRoutePlanner(HttpHost proxyHost, ProxySettings settings) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxyHost = proxyHost;
        this.settings = settings;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return settings.bypasses(target.getHostName()) ? null : proxyHost;
    }
}
