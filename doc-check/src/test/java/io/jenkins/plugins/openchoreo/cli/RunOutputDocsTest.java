package io.jenkins.plugins.openchoreo.cli;

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
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blocks that show what a run prints, against real runs on a sandbox started here: the output
 * of {@code openchoreo check} (docs/cli.md), the answer of <em>Test connection</em> and a deploy's
 * build log (docs/getting-started.md). What legitimately differs between the sandbox and the
 * pages' example server (its URLs and ports, the server's version) is replaced before comparing.
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

    /** The command line of the block just before the output shown, with the sandbox's connection added. */
    @Test
    void theOutputOfOpenchoreoCheckIsWhatTheCliPrints() {
        Docs.Block shown = Docs.marked("cli.md", "check: openchoreo check against the sandbox");
        List<Docs.Block> blocks = Docs.blocks(Docs.page("cli.md"));
        List<String> commands = CliDocsTest.commandLinesOf(blocks.get(blocks.indexOf(shown) - 1).text());
        assertThat(commands).as("the command line shown just before docs/cli.md line " + shown.line()).hasSize(1);
        Matcher command = CliDocsTest.COMMAND_LINE.matcher(commands.get(0));
        assertThat(command.matches()).isTrue();
        List<String> args = new ArrayList<>(ShellWords.split(command.group(1)));
        assertThat(args).as("the command").startsWith("check");
        args.addAll(List.of("--api-url", SANDBOX.apiUrl().toString(), "--client-id", CLIENT.clientId()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), Map.of("OPENCHOREO_CLIENT_SECRET", CLIENT.secret()),
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(shown.text().strip()).as("docs/cli.md line " + shown.line() + " vs openchoreo check's stdout")
                .isEqualTo(normalised(out.toString()).strip());
    }

    /**
     * The plugin's Test connection (ConnectionTest, called by OpenChoreoGlobalConfiguration.doTestConnection) answers
     * {@code FormValidation.ok(masker.mask(result.summary()))} of a ConnectionCheck with no component.
     */
    @Test
    void theAnswerOfTestConnectionIsWhatTheCheckSays() {
        Docs.Block shown = Docs.marked("getting-started.md", "check: the answer of Test connection");
        ConnectionCheck.Result result = ConnectionCheck.run(ConnectionSettings.builder(SANDBOX.apiUrl().toString())
                .build(), Credentials.client(CLIENT.clientId(), CLIENT.secret()), cache(),
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
        new Deployer(settings, credentials, cache, null, DeployListener.NONE).deploy(request.build()); // build 41

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
        DeployResult result = new Deployer(settings, credentials, cache, null, buildLog)
                .deploy(request.image("registry.example.com/my-service:42").build());
        Properties messages = messages();
        log.add(BUILD_LOG_PREFIX + result.summary());
        log.add(BUILD_LOG_PREFIX + MessageFormat.format(messages.getProperty("DeployExecution.portal"),
                result.portalUrl()));
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
