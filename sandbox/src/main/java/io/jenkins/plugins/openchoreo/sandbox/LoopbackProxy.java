package io.jenkins.plugins.openchoreo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback for plain-HTTP targets, optionally demanding Basic
 * credentials (407 without them), that remembers which URLs it was asked for.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("proxy-authorization", "proxy-connection", "connection",
            "keep-alive", "transfer-encoding", "te", "upgrade", "host", "content-length");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "loopback-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final String expectedAuthorization;
    private final List<String> requestedUrls = new ArrayList<>();

    private LoopbackProxy(String username, String password) {
        expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress(Sandbox.LISTEN_ADDRESS, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A proxy that forwards anyone's requests. */
    public static LoopbackProxy start() {
        return new LoopbackProxy(null, null);
    }

    /** A proxy that wants these Basic credentials. */
    public static LoopbackProxy start(String username, String password) {
        return new LoopbackProxy(username, password);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The absolute URLs forwarded so far. */
    public synchronized List<String> requestedUrls() {
        return List.copyOf(requestedUrls);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"loopback-proxy\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            URI target = exchange.getRequestURI();
            if (!"http".equals(target.getScheme())) {
                exchange.sendResponseHeaders(501, -1); // no CONNECT tunnelling: the tests need plain HTTP only
                return;
            }
            synchronized (this) {
                requestedUrls.add(target.toString());
            }
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
            connection.setRequestMethod(exchange.getRequestMethod());
            connection.setInstanceFollowRedirects(false);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> connection.addRequestProperty(name, v));
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length > 0) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] answer = in == null ? new byte[0] : in.readAllBytes();
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null && !HOP_BY_HOP.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
