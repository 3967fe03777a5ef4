package io.jenkins.plugins.openchoreo;

import hudson.ProxyConfiguration;
import hudson.Util;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.CredentialHints;
import io.jenkins.plugins.openchoreo.client.auth.TokenParameters;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.ProductVersion;
import io.jenkins.plugins.openchoreo.client.http.ProxySettings;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The engine's connection settings as this Jenkins makes them, for a build and for Test
 * connection alike: the user agent, Jenkins' proxy, the timeouts (the whole call given at least
 * connect plus response), the attempts, and the hints for refused credentials in Jenkins' words.
 */
final class JenkinsConnectionSettings {

    private JenkinsConnectionSettings() {}

    static ConnectionSettings of(String api, String token, String portal, String method, TokenParameters parameters,
            int connectSeconds, int responseSeconds, int attempts) {
        Duration connect = Duration.ofSeconds(connectSeconds);
        Duration response = Duration.ofSeconds(responseSeconds);
        Duration call = HttpSettings.DEFAULT_CALL_TIMEOUT.compareTo(connect.plus(response)) >= 0
                ? HttpSettings.DEFAULT_CALL_TIMEOUT : connect.plus(response);
        HttpSettings http = HttpSettings.defaults().withTimeouts(connect, response, call)
                .withUserAgentProduct("openchoreo-jenkins/" + ProductVersion.version())
                .withProxy(proxy());
        return ConnectionSettings.builder(api).tokenUrl(token).portalUrl(portal)
                .authMethod(ClientAuthMethod.parse(method)).tokenParameters(parameters).http(http)
                .retry(RetrySettings.defaults().withMaxAttempts(attempts))
                .credentialHints(new CredentialHints(Messages.CredentialHints_clientRefused(),
                        Messages.CredentialHints_tokenRefused()))
                .build();
    }

    /** Jenkins' proxy settings (Manage Jenkins » Plugins » Advanced), which every outgoing call must honour. */
    private static ProxySettings proxy() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.getName()) == null) {
            return null;
        }
        String noProxy = proxy.getNoProxyHost();
        List<String> direct = noProxy == null ? List.of()
                : Arrays.stream(noProxy.split("[ \t\n,|]+")).filter(s -> !s.isEmpty()).toList();
        String password = proxy.getSecretPassword() == null ? null : proxy.getSecretPassword().getPlainText();
        return new ProxySettings(proxy.getName().trim(), proxy.getPort(), Util.fixEmptyAndTrim(proxy.getUserName()),
                password, direct);
    }
}
