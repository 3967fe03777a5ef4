package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Readies, on a second thread, what a deploy needs only around and after its first request: the
 * JDK's security providers (the token cache's key digest, request ids) and Jackson's mapper, whose
 * set-up is a large part of a fresh JVM's work. Meanwhile the main thread reads the command line
 * and builds the HTTP client, and then waits for the identity provider's answer; without this,
 * both jobs would run one after the other on the main thread. Nothing here talks to the network,
 * and a failure only leaves the work to the main thread.
 */
final class WarmUp {

    private WarmUp() {}

    /** Starts the warm-up for commands that send requests; others start without it. */
    static void startFor(String[] args) {
        if (args.length == 0 || !(args[0].equals("deploy") || args[0].equals("check"))) {
            return;
        }
        Thread thread = new Thread(WarmUp::run, "openchoreo-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            MessageDigest.getInstance("SHA-256");
            UUID.randomUUID();
            Json.compact(Json.MAPPER.readTree("{\"warm\":[1,2.5,\"up\",true,null,{}]}"));
        } catch (NoSuchAlgorithmException | java.io.IOException | RuntimeException e) {
            // Only a head start: the main thread does the same work when it needs it, and reports failures.
        }
    }
}
