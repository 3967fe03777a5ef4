package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.ModelObject;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.util.List;

/** Jenkins pointed at the test class's sandbox (started and reset by SandboxExtension). */
final class SandboxFixture {

    static final String CREDENTIALS_ID = "openchoreo-ci";
    static final String PORTAL = "https://portal.example.com";
    static final String GREETER_PORTAL_LINK = PORTAL + "/catalog/default/component/greeter";
    /** A client with the CI role plus the views that following a rollout needs. */
    static final String WATCHER_CREDENTIALS_ID = "openchoreo-watcher";
    static final String WATCHER_CLIENT_ID = "rollout-watcher";
    static final String WATCHER_SECRET = "watch+me";
    /** An endpoint published externally, so the Ready binding has an external URL. */
    static final String API_ENDPOINT = "- {name: api, port: 8080, type: HTTP, visibility: [external]}";
    /** Where the sandbox says the greeter's external endpoint answers (its external gateway's https URL). */
    static final String GREETER_URL = "https://development-default.openchoreo.localhost:19443/shop/greeter";

    private SandboxFixture() {}

    /** Component default/shop/greeter in a sandbox SandboxExtension has just reset, and fresh tokens. */
    static void reset(Sandbox sandbox) {
        sandbox.addComponent("default", "shop", "greeter");
        TokenCache.shared().clear();
    }

    /** Global configuration for the sandbox, with the sandbox's CI client as default credentials. */
    static void configure(Sandbox sandbox) throws Exception {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        config.setApiUrl(sandbox.apiUrl().toString());
        config.setTokenUrl(sandbox.tokenUrl().toString());
        config.setAuthMethod("client_secret_post");
        config.setPortalUrl(PORTAL);
        config.setCredentialsId(CREDENTIALS_ID);
        config.setMaxAttempts(2);
        addClientCredentials(jenkins(), CREDENTIALS_ID, sandbox);
    }

    static void addClientCredentials(ModelObject context, String id, Sandbox sandbox) throws Exception {
        SandboxClient client = sandbox.defaultClient();
        CredentialsProvider.lookupStores(context).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "OpenChoreo CI client",
                        client.clientId(), client.secret()));
    }

    /**
     * The sandbox's CI client again, under another id, in a credentials domain that allows only
     * the given hosts (comma separated, as the credentials plugin's hostname specification reads them).
     */
    static void addHostRestrictedClientCredentials(String id, String hosts, Sandbox sandbox) throws Exception {
        SandboxClient client = sandbox.defaultClient();
        Domain domain = new Domain("openchoreo-hosts", "OpenChoreo hosts only",
                List.of(new HostnameSpecification(hosts, null)));
        CredentialsProvider.lookupStores(jenkins()).iterator().next().addDomain(domain,
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "OpenChoreo CI client, restricted",
                        client.clientId(), client.secret()));
    }

    /** Registers the rollout watcher client with the sandbox and adds it as global credentials. */
    static void addWatcherCredentials(Sandbox sandbox) throws Exception {
        sandbox.registerClient(WATCHER_CLIENT_ID, WATCHER_SECRET, AuthMethod.POST, Role.ROLLOUT_WATCHER);
        CredentialsProvider.lookupStores(jenkins()).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, WATCHER_CREDENTIALS_ID,
                        "OpenChoreo rollout watcher", WATCHER_CLIENT_ID, WATCHER_SECRET));
    }

    static String secret(Sandbox sandbox) {
        return sandbox.defaultClient().secret();
    }

    private static jenkins.model.Jenkins jenkins() {
        return jenkins.model.Jenkins.get();
    }
}
