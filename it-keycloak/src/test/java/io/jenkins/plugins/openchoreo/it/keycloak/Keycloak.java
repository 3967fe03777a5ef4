package io.jenkins.plugins.openchoreo.it.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Keycloak for the whole test run, with what the tests need of it (the realm's clients and
 * secrets, an observer that counts the tokens the engine fetched) and the run's figure, printed
 * and written to {@code target/keycloak-figure.txt} when it stops.
 */
final class Keycloak implements AutoCloseable {

    private final KeycloakServer server;
    private final Map<String, String> secrets;
    private final Path figureFile;
    private final AtomicInteger tokensFetched = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private final List<String> failed = new CopyOnWriteArrayList<>();
    private final CallObserver observer = new CallObserver() {
        @Override
        public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
            if (call.target() == HttpCall.Target.IDENTITY_PROVIDER && "POST".equals(call.method()) && status == 200) {
                tokensFetched.incrementAndGet();
            }
        }
    };

    private Keycloak(KeycloakServer server, Map<String, String> secrets, Path figureFile) {
        this.server = server;
        this.secrets = secrets;
        this.figureFile = figureFile;
    }

    static Keycloak start() {
        Map<String, String> secrets = realmSecrets();
        Path log = Paths.get(property("keycloak.log", "target/keycloak.log"));
        KeycloakServer server = KeycloakServer.start(Paths.get(property("keycloak.home", "target/keycloak")), log,
                System.getProperty("keycloak.java.home"), List.copyOf(secrets.values()));
        System.out.printf(Locale.ROOT, "Keycloak %s on Java %d (%s) ready in %.1f s at %s; log: %s%n",
                server.version(), KeycloakServer.majorVersion(server.javaHome()), server.javaHome(),
                server.startTime().toMillis() / 1000.0, server.baseUrl(), server.log());
        return new Keycloak(server, secrets, Paths.get(property("keycloak.figure", "target/keycloak-figure.txt")));
    }

    KeycloakServer server() {
        return server;
    }

    String issuer() {
        return server.issuer();
    }

    /** The secret the realm file gives this client. */
    String secret(String clientId) {
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("No client " + clientId + " in " + KeycloakServer.REALM_RESOURCE);
        }
        return secret;
    }

    /** Counts the tokens the engine fetched from Keycloak; hand it to every connection. */
    CallObserver observer() {
        return observer;
    }

    void passed() {
        passed.incrementAndGet();
    }

    /** Records a failure; the first one also shows the end of Keycloak's log (the whole is in target/). */
    void failed(String test) {
        failed.add(test);
        System.err.println(failed.size() == 1 ? "Keycloak's log (end, secrets masked) at the first failure, " + test
                + ":\n" + server.logTail(40) : "Failed: " + test + " (Keycloak's log: " + server.log() + ")");
    }

    @Override
    public void close() {
        long stopping = System.nanoTime();
        server.close();
        String figure = String.format(Locale.ROOT,
                "Keycloak %s (Java %d): ready in %.1f s, stopped in %.1f s; %d tokens fetched by the engine; "
                        + "%d checks passed, %d failed%s",
                server.version(), KeycloakServer.majorVersion(server.javaHome()),
                server.startTime().toMillis() / 1000.0, (System.nanoTime() - stopping) / 1e9, tokensFetched.get(),
                passed.get(), failed.size(), failed.isEmpty() ? "" : " " + failed);
        System.out.println(figure);
        try {
            Files.writeString(figureFile, figure + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("Could not write " + figureFile + ": " + e.getMessage());
        }
    }

    private static Map<String, String> realmSecrets() {
        try (InputStream in = Keycloak.class.getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + KeycloakServer.REALM_RESOURCE + " on the test class path");
            }
            Map<String, String> secrets = new LinkedHashMap<>();
            List<JsonNode> clients = new ArrayList<>();
            new ObjectMapper().readTree(in).path("clients").forEach(clients::add);
            for (JsonNode client : clients) {
                secrets.put(client.path("clientId").asText(), client.path("secret").asText());
            }
            return Map.copyOf(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
