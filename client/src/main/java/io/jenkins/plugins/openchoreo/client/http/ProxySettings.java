package io.jenkins.plugins.openchoreo.client.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy: host, port, optional credentials and the hosts reached directly. No-proxy entries
 * are host names ({@code api.internal}), domain suffixes ({@code .example.com} or
 * {@code *.example.com}) or {@code *}, as in Jenkins' proxy settings and the NO_PROXY convention.
 */
public record ProxySettings(String host, int port, String username, String password, List<String> noProxyHosts) {

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1-65535, not " + port);
        }
        noProxyHosts = noProxyHosts == null ? List.of() : List.copyOf(noProxyHosts);
    }

    public static ProxySettings of(String host, int port) {
        return new ProxySettings(host, port, null, null, List.of());
    }

    /** Whether requests to this host bypass the proxy. */
    public boolean bypasses(String targetHost) {
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String raw : noProxyHosts) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*") || entry.equals(target)) {
                return true;
            }
            String suffix = entry.startsWith("*.") ? entry.substring(1) : entry.startsWith(".") ? entry : null;
            if (suffix != null && (target.endsWith(suffix) || target.equals(suffix.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (hasCredentials() ? ", user " + username : "")
                + ", noProxy " + noProxyHosts + "]";
    }
}
