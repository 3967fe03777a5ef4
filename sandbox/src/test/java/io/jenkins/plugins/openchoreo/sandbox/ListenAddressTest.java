package io.jenkins.plugins.openchoreo.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sandbox listens on the address it hands out (127.0.0.1), also on a JVM that prefers IPv6,
 * where the loopback address is ::1. The property is read once per JVM, so the probe runs in a
 * JVM of its own.
 */
class ListenAddressTest {

    @Test
    void aJvmThatPrefersIpv6ReachesTheSandboxAndItsProxyAtTheUrlsTheyHandOut() throws Exception {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(launcher.toString(), "-Djava.net.preferIPv6Addresses=true", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true).start();
        // A hang guard only: the probe makes two requests on loopback.
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe ended").isTrue();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("loopback " + java.net.InetAddress.getByName("::1").getHostAddress())
                .contains("sandbox 200", "proxy 200");
        assertThat(probe.exitValue()).as(output).isZero();
    }

    /** Runs in the child JVM: the sandbox and a proxy to it, each called at the URL it hands out. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            System.out.println("loopback " + java.net.InetAddress.getLoopbackAddress().getHostAddress());
            try (Sandbox sandbox = Sandbox.start(); LoopbackProxy proxy = LoopbackProxy.start()) {
                URI version = URI.create(sandbox.apiUrl() + "/version");
                System.out.println("sandbox " + status(version, null));
                System.out.println("proxy " + status(version, proxy.uri()));
            }
        }

        private static int status(URI uri, URI proxy) throws IOException, InterruptedException {
            java.net.http.HttpClient.Builder client = java.net.http.HttpClient.newBuilder();
            if (proxy != null) {
                client.proxy(java.net.ProxySelector.of(
                        new java.net.InetSocketAddress(proxy.getHost(), proxy.getPort())));
            }
            return client.build().send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

}
