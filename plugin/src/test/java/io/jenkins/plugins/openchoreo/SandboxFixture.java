package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.ModelObject;
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
        OpenChoreoEngineHolder.engine().clearTokens();
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

    /** A client that may promote (ReleaseBinding create and update): another credential than the deploy's. */
    static final String PROMOTER_CREDENTIALS_ID = "openchoreo-promoter";
    static final String PROMOTER_CLIENT_ID = "release-promoter";
    static final String PROMOTER_SECRET = "promote+me";

    /** Registers the promoter client with the sandbox and adds it as global credentials. */
    static void addPromoterCredentials(Sandbox sandbox) throws Exception {
        sandbox.registerClient(PROMOTER_CLIENT_ID, PROMOTER_SECRET, AuthMethod.POST, Role.RELEASE_PROMOTER);
        CredentialsProvider.lookupStores(jenkins()).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, PROMOTER_CREDENTIALS_ID,
                        "OpenChoreo release promoter", PROMOTER_CLIENT_ID, PROMOTER_SECRET));
    }

    /** greeter's Workload with this image and an external endpoint, settled: its release is Ready in development. */
    static String deployedInDevelopment(Sandbox sandbox, String image) {
        com.fasterxml.jackson.databind.node.ObjectNode workload = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        workload.putObject("metadata").put("name", "greeter-workload");
        com.fasterxml.jackson.databind.node.ObjectNode spec = workload.putObject("spec");
        spec.putObject("owner").put("projectName", "shop").put("componentName", "greeter");
        spec.putObject("container").put("image", image);
        spec.putObject("endpoints").putObject("api").put("type", "HTTP").put("port", 8080).putArray("visibility")
                .add("external");
        sandbox.putWorkload("default", workload);
        return sandbox.releaseBinding("default", "greeter-development").orElseThrow().at("/spec/releaseName").asText();
    }

    static String secret(Sandbox sandbox) {
        return sandbox.defaultClient().secret();
    }

    private static jenkins.model.Jenkins jenkins() {
        return jenkins.model.Jenkins.get();
    }
}
