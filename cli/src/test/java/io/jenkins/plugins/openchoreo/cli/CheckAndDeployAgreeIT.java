package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code check} and {@code deploy} tell the same story (issue 18, point 8): against a server that is
 * not OpenChoreo both report API_ROUTE_NOT_FOUND, and check says what it checked in a namespace.
 */
class CheckAndDeployAgreeIT {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    /** A web server that is not the API: every path is an HTML 404, as a portal or a web site answers. */
    private static HttpServer website;

    @BeforeAll
    static void startWebsite() throws IOException {
        website = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        website.createContext("/", exchange -> {
            byte[] page = "<!doctype html><html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        website.start();
    }

    @AfterAll
    static void stopWebsite() {
        website.stop(0);
    }

    @Test
    void againstAServerThatIsNotOpenChoreoBothSayTheRouteIsMissing() {
        // The token URL is the sandbox's, so only the API URL is wrong (as when the portal's URL is given).
        Map<String, String> env = SANDBOX.env("OPENCHOREO_API_URL",
                "http://127.0.0.1:" + website.getAddress().getPort());
        env.put("OPENCHOREO_TOKEN_URL", SANDBOX.sandbox.tokenUrl().toString());

        PackagedCli.Run check = PackagedCli.run(env, "check");
        PackagedCli.Run deploy = PackagedCli.run(env, "deploy", "--image", "registry.example.com/greeter:1");

        for (PackagedCli.Run run : new PackagedCli.Run[] {check, deploy}) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
            assertThat(run.stderr()).as(run.toString()).contains("error [API_ROUTE_NOT_FOUND]: ")
                    .contains("Hint: The server has no such route: the API URL may be wrong");
        }
    }

    @Test
    void checkInANamespaceSaysWhatItCheckedNotThatTheNamespaceExists() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "check", "--namespace", "acme");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout().strip()).endsWith("; may list Workloads in namespace acme: none for component "
                + "greeter (an empty list does not show that the namespace exists)")
                .doesNotContain("reachable");
    }
}
