package io.jenkins.plugins.openchoreo.it.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keycloak's distribution run as a child process: dev mode, loopback only, free ports, a realm
 * imported from the test resources, its log in {@code target/}. Stopped by its process id (and its
 * children's), also from a shutdown hook should the test JVM end first.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "openchoreo";
    static final String REALM_RESOURCE = "/openchoreo-realm.json";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Path home;
    private final Path log;
    private final Path javaHome;
    private final String version;
    private final List<String> secrets;
    private final Process process;
    private final int port;
    private final Thread shutdownHook;
    private Duration startTime;

    private KeycloakServer(Path home, Path log, Path javaHome, List<String> secrets, Process process, int port) {
        this.home = home;
        this.log = log;
        this.javaHome = javaHome;
        this.version = readVersion(home);
        this.secrets = secrets;
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Keycloak and waits until the realm's discovery document answers; retries once on a port race. */
    static KeycloakServer start(Path home, Path log, String javaHomeSetting, List<String> secrets) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + " (the build unpacks org.keycloak:keycloak-quarkus-dist in pre-integration-test)");
        }
        Path javaHome = javaHome(javaHomeSetting);
        installRealm(home);
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(home, log, javaHome, secrets);
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    private static KeycloakServer startOnce(Path home, Path log, Path javaHome, List<String> secrets) {
        // A fresh dev database each run, so the realm file is always imported as it is now.
        deleteTree(home.resolve("data/h2"));
        int port = freePort();
        int managementPort = freePort();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        // Java 24+ otherwise logs an IllegalAccessError from jboss-threads when Keycloak stops.
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        env.remove("KC_DB");
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + String.join(" ", command) + " (JAVA_HOME=" + javaHome + ")\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0), e);
        }
        KeycloakServer server = new KeycloakServer(home, log, javaHome, secrets, process, port);
        try {
            server.awaitReady(started);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.startTime = Duration.ofNanos(System.nanoTime() - started);
        return server;
    }

    private void awaitReady(long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail(40);
                if (tail.contains("Port already bound") || tail.contains("Address already in use")) {
                    throw new PortTakenException("Keycloak could not bind port " + port);
                }
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready; the end of " + log + ":\n" + tail);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; the end of " + log + ":\n" + logTail(40));
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code http://127.0.0.1:<port>/realms/openchoreo}, exactly as Keycloak writes it into tokens. */
    String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    URI tokenUrl() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    URI jwksUrl() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    int port() {
        return port;
    }

    String version() {
        return version;
    }

    Path javaHome() {
        return javaHome;
    }

    Duration startTime() {
        return startTime;
    }

    Path log() {
        return log;
    }

    /** The last lines of Keycloak's log, with the realm's client secrets masked. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            String tail = String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            for (String secret : secrets) {
                tail = tail.replace(secret, "***");
            }
            return tail;
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    /** SIGTERM to kc.sh (which passes it on to Keycloak's JVM), then a hard kill of whatever is left. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : family) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /**
     * The JDK to run Keycloak on: the configured one; else the newest JDK 21+ under /usr/lib/jvm;
     * else the one running the tests (Keycloak 26.4 still starts on 17).
     */
    static Path javaHome(String setting) {
        if (setting != null && !setting.isBlank()) {
            Path configured = Paths.get(setting.trim());
            if (!Files.isExecutable(configured.resolve("bin/java"))) {
                throw new IllegalStateException("keycloak.java.home " + configured + " has no bin/java");
            }
            return configured;
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> candidates = Files.list(jvms)) {
                Optional<Path> newest = candidates.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                        .filter(p -> !Files.isSymbolicLink(p))
                        .filter(p -> majorVersion(p) >= 21)
                        .max(Comparator.comparingInt(KeycloakServer::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                // Fall back to the running JDK.
            }
        }
        return Paths.get(System.getProperty("java.home"));
    }

    /** JAVA_VERSION="25.0.3" in the JDK's release file; 0 when unreadable. */
    static int majorVersion(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(
                    Files.readString(jdk.resolve("release"), StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void installRealm(Path home) {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("No " + REALM_RESOURCE + " on the test class path");
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readVersion(Path home) {
        try {
            String text = Files.readString(home.resolve("version.txt"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("Version\\s+(\\S+)").matcher(text);
            return m.find() ? m.group(1) : text.trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + root, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port chosen was taken between choosing it and Keycloak binding it. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
