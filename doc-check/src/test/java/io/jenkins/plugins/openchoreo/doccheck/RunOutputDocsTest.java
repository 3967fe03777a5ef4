package io.jenkins.plugins.openchoreo.doccheck;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.ConnectionCheck;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.deploy.PortalLinks;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.io.IOException;
import java.io.StringReader;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blocks that show what the plugin prints, against real runs on a sandbox started here: the
 * answer of <em>Test connection</em> and a deploy's build log (docs/getting-started.md). What
 * legitimately differs between the sandbox and the pages' example server (its URLs and ports, the
 * server's version) is replaced before comparing. (What the command line prints is compared by
 * ShellBlocksIT, which runs the pages' shell blocks.)
 */
class RunOutputDocsTest {

    static final String MESSAGES = "plugin/src/main/resources/io/jenkins/plugins/openchoreo/Messages.properties";

    /** The example server of docs/getting-started.md. */
    static final String API_URL = "https://api.openchoreo.example.com";
    static final String PORTAL_URL = "https://portal.openchoreo.example.com";

    static final Sandbox SANDBOX = Sandbox.start();
    static final SandboxClient CLIENT = SANDBOX.defaultClient();

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    /** A run's text with the sandbox's URLs replaced by the example server's. */
    static String normalised(String text) {
        String api = SANDBOX.apiUrl().toString().replaceAll("/$", "");
        return text.replace(api, API_URL);
    }

    /** The server's version, which the example server and the sandbox report differently. */
    static String withoutServerVersion(String summary) {
        return summary.replaceFirst("^Connected to .+? as ", "Connected to <server version> as ");
    }

    /** A fresh token cache: a token of an earlier test (or sandbox) must not be reused. */
    static TokenCache cache() {
        return new TokenCache(Clock.systemUTC());
    }

    /** The client id getting-started.md's step 1 creates (a ThunderID Console app: client_secret_basic). */
    static final String PAGE_CLIENT_ID = "jenkins-ci";

    /**
     * The plugin's Test connection (ConnectionTest, called by OpenChoreoGlobalConfiguration.doTestConnection) answers
     * {@code FormValidation.ok(masker.mask(result.summary()))} of a ConnectionCheck with no component,
     * here for the client the page has just created and put in the credential.
     */
    @Test
    void theAnswerOfTestConnectionIsWhatTheCheckSays() {
        Docs.Block shown = Docs.marked("getting-started.md", "check: the answer of Test connection");
        String page = Docs.page("getting-started.md");
        assertThat(Docs.section(page, "1. An OAuth client")).as("step 1 names the client it creates")
                .contains("`" + PAGE_CLIENT_ID + "`");
        assertThat(Docs.section(page, "2. The Jenkins credential")).as("step 2 puts it in the credential")
                .contains("`" + PAGE_CLIENT_ID + "`");
        SandboxClient created = SANDBOX.registerClient(PAGE_CLIENT_ID, "console-made-secret", AuthMethod.BASIC,
                Role.WORKLOAD_PUBLISHER);
        ConnectionCheck.Result result = ConnectionCheck.run(ConnectionSettings.builder(SANDBOX.apiUrl().toString())
                .build(), Credentials.client(created.clientId(), created.secret()), new OpenChoreoEngine(cache()),
                DeployRequest.DEFAULT_NAMESPACE, null, CallObserver.NONE);

        assertThat(withoutServerVersion(shown.text().strip()))
                .as("docs/getting-started.md line " + shown.line() + " vs ConnectionCheck.Result.summary()")
                .isEqualTo(withoutServerVersion(normalised(result.summary())));
    }

    /**
     * The build log of getting-started.md's Jenkinsfile (component my-service of project my-project,
     * image :42 over :41, token URL discovered by build 41 in the same Jenkins, so not again, a portal
     * URL set, job my-org/my-service): the
     * Deployer's lines through a listener formatted as the plugin's BuildLogListener formats them
     * ({@code "[OpenChoreo] " + message}; warnings {@code "Warning: " + message}), then the lines
     * DeployExecution.deploy prints after the deploy, in its order: the result's summary, the
     * endpoints (none: no wait), Messages DeployExecution.portal and DeployExecution.jenkinsAnnotation.
     * The page shows exactly these lines.
     */
    @Test
    void theBuildLogShownIsWhatADeployPrints() throws IOException {
        Docs.Block shown = Docs.marked("getting-started.md", "check: a deploy's build log");
        SANDBOX.addComponent("default", "my-project", "my-service");
        ConnectionSettings settings = ConnectionSettings.builder(SANDBOX.apiUrl().toString()).portalUrl(PORTAL_URL)
                .build();
        Credentials credentials = Credentials.client(CLIENT.clientId(), CLIENT.secret());
        TokenCache cache = cache();
        DeployRequest.Builder request = DeployRequest.builder("my-service", "registry.example.com/my-service:41")
                .project("my-project");
        new Deployer(settings, credentials, new OpenChoreoEngine(cache), null, DeployListener.NONE)
                .deploy(request.build()); // build 41

        List<String> log = new ArrayList<>();
        DeployListener buildLog = new DeployListener() {
            @Override
            public void step(String message) {
                log.add(BUILD_LOG_PREFIX + message);
            }

            @Override
            public void warning(String message) {
                log.add(BUILD_LOG_PREFIX + "Warning: " + message);
            }

            @Override
            public void info(String message) {
                log.add(BUILD_LOG_PREFIX + message);
            }
        };
        DeployResult result = new Deployer(settings, credentials, new OpenChoreoEngine(cache), null, buildLog)
                .deploy(request.image("registry.example.com/my-service:42").build());
        Properties messages = messages();
        log.add(BUILD_LOG_PREFIX + result.summary());
        log.add(BUILD_LOG_PREFIX + MessageFormat.format(messages.getProperty("DeployExecution.portal"),
                result.target().portalUrl()));
        log.add(BUILD_LOG_PREFIX + MessageFormat.format(messages.getProperty("DeployExecution.jenkinsAnnotation"),
                PortalLinks.jenkinsAnnotation("my-org/my-service", null)));
        List<String> printed = log.stream().map(RunOutputDocsTest::normalised).toList();

        assertThat(shown.text().strip().lines().toList()).as("docs/getting-started.md line " + shown.line()
                + " vs the lines the deploy prints").isEqualTo(printed);
    }

    /** BuildLogListener.PREFIX (plugin/src/main/java/io/jenkins/plugins/openchoreo/BuildLogListener.java). */
    static final String BUILD_LOG_PREFIX = "[OpenChoreo] ";

    @Test
    void theBuildLogPrefixIsThePlugins() {
        assertThat(Docs.read(PluginSources.source("BuildLogListener")))
                .contains("static final String PREFIX = \"" + BUILD_LOG_PREFIX + "\";")
                .contains("println(\"Warning: \" + message);")
                .contains("log.println(masker.mask(PREFIX + ServerText.oneLine(message)));");
    }

    static Properties messages() throws IOException {
        Properties messages = new Properties();
        messages.load(new StringReader(Docs.read(Docs.root().resolve(MESSAGES))));
        return messages;
    }
}
