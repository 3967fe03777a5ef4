package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenChoreo-compatible Workload API and identity provider in one process on loopback: the
 * routes, status codes, shapes, error bodies, token checks and roles of the real server (as
 * OpenChoreo's OpenAPI document and its source at ad3f503 have them, and the project's
 * {@code openchoreo-api.md} records them), plus fault injection and a record of every request and
 * its answer.
 * The identity provider lives under {@code {apiUrl}/idp}, so discovery from the API alone works.
 */
public final class Sandbox implements AutoCloseable {

    static {
        // The JDK's HttpServer leaves Nagle's algorithm on unless told otherwise (read once, when its
        // first server starts): with the client's delayed ACK every answer then waits ~40 ms on
        // loopback. The real server (Go's net/http) sets TCP_NODELAY, so the sandbox does too.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** OpenChoreo's default CI client id. */
    public static final String DEFAULT_CLIENT_ID = "openchoreo-workload-publisher-client";

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes an answer's headers and body separately with Nagle's algorithm on, so
        // the body waits for the client's delayed ACK: about 40 ms added to every round trip, which
        // would swamp injected latencies and timeouts. Read once, when the server classes load.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /**
     * 127.0.0.1, the address every URL the sandbox hands out names. Not
     * {@code InetAddress.getLoopbackAddress()}: on a JVM with {@code java.net.preferIPv6Addresses}
     * that is ::1, and the server would listen where no client it tells of connects.
     */
    static final InetAddress LISTEN_ADDRESS = ipv4Loopback();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI apiUrl;
    private final String caBundlePem;
    private final Duration defaultTokenLifetime;
    private final Duration defaultLatency;
    private final Duration defaultRolloutDelay;
    private final IdentityProvider identityProvider;
    private final Rollouts rollouts;
    private final Promotions promotions;
    private final WorkloadApi api;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final SandboxClient defaultClient;
    private final Dispatcher dispatcher;

    private Sandbox(Builder builder) {
        SelfSignedCertificate certificate = builder.tls ? SelfSignedCertificate.create() : null;
        InetAddress listen = builder.bind == null ? LISTEN_ADDRESS : builder.bind;
        try {
            InetSocketAddress address = new InetSocketAddress(listen, builder.port);
            if (certificate != null) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + listen.getHostAddress() + ":" + builder.port + ": "
                    + e.getMessage(), e);
        }
        caBundlePem = certificate == null ? null : certificate.pem();
        apiUrl = URI.create((certificate == null ? "http" : "https") + "://" + advertised(listen) + ":"
                + server.getAddress().getPort());
        defaultTokenLifetime = builder.tokenLifetime;
        defaultRolloutDelay = builder.rolloutDelay;
        rollouts = new Rollouts(java.time.Clock.systemUTC(), builder.rolloutDelay);
        promotions = new Promotions(rollouts, java.time.Clock.systemUTC());
        api = new WorkloadApi(rollouts, promotions);
        defaultLatency = builder.latency;
        identityProvider = new IdentityProvider(apiUrl + Route.IDP_PREFIX, builder.audience, builder.tokenLifetime);
        builder.trusted.forEach(identityProvider::trust);
        defaultClient = new SandboxClient(DEFAULT_CLIENT_ID, randomSecret(), AuthMethod.POST, Role.WORKLOAD_PUBLISHER);
        identityProvider.register(defaultClient);
        dispatcher = new Dispatcher(apiUrl, builder.version, identityProvider, api, faults, log);
        dispatcher.setLatency(builder.latency);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "openchoreo-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", dispatcher);
        server.start();
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** The host of the URLs handed out: the address listened on, or loopback when it listens on every address. */
    private static String advertised(InetAddress listen) {
        if (listen.isLoopbackAddress() || listen.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String address = listen.getHostAddress();
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** A sandbox over plain HTTP on a free port with the defaults. */
    public static Sandbox start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI apiUrl() {
        return apiUrl;
    }

    public URI issuer() {
        return URI.create(identityProvider.issuer());
    }

    public URI tokenUrl() {
        return URI.create(identityProvider.issuer() + "/oauth2/token");
    }

    public URI jwksUrl() {
        return URI.create(identityProvider.issuer() + "/oauth2/jwks");
    }

    /** The PEM certificate to trust, or null without TLS. */
    public String caBundlePem() {
        return caBundlePem;
    }

    /** OpenChoreo's default CI client: {@code client_secret_post}, the workload-publisher role, a random secret. */
    public SandboxClient defaultClient() {
        return defaultClient;
    }

    public SandboxClient registerClient(String clientId, String secret, AuthMethod method, Role role) {
        SandboxClient client = new SandboxClient(clientId, secret, method, role);
        identityProvider.register(client);
        return client;
    }

    /**
     * Binds a role to the subject of a trusted external identity provider's tokens, as OpenChoreo's
     * role bindings do ({@code entitlement: {claim: sub, value: …}}); subjects never bound are
     * workload publishers. For Keycloak's client-credentials tokens the subject is the service
     * account's user id, not the client id.
     */
    public void assignRole(String subject, Role role) {
        identityProvider.assignRole(subject, role);
    }

    /** A valid token for a client, without a round trip. */
    public String mintToken(String clientId) {
        return mintToken(clientId, defaultTokenLifetime);
    }

    /** A token with this lifetime; a negative one is already expired. */
    public String mintToken(String clientId, Duration lifetime) {
        return identityProvider.mint(clientId, lifetime, dispatcher.audience(), null);
    }

    public void setTokenLifetime(Duration lifetime) {
        identityProvider.setTokenLifetime(lifetime);
    }

    public void setExpiresInFormat(ExpiresInFormat format) {
        identityProvider.setExpiresInFormat(format);
    }

    /** A delay added to every answer, to stand for the network. */
    public void setLatency(Duration latency) {
        dispatcher.setLatency(latency);
    }

    /** How long a release takes to become Ready after a Workload change. */
    public void setRolloutDelay(Duration delay) {
        rollouts.setDelay(delay);
    }

    /**
     * From now on, releases of this component never become Ready: the binding reports its primary
     * Deployment degraded (as OpenChoreo's controller words it), its pod's container waits with this
     * reason and message (e.g. ImagePullBackOff), the pod has a warning event with them, and these log
     * lines.
     */
    public void failRollouts(String namespace, String component, String reason, String message,
            List<String> logLines) {
        rollouts.fail(namespace, component, reason, message, logLines);
    }

    /** An auto-deploying component (the External CI default): each Workload change releases and binds it. */
    public void addComponent(String namespace, String project, String component) {
        api.addComponent(namespace, project, component, true);
    }

    /**
     * A component; without auto-deploy ({@code spec.autoDeploy: false}) a Workload change makes no
     * ComponentRelease and no ReleaseBinding (OpenChoreo's component controller only validates it).
     */
    public void addComponent(String namespace, String project, String component, boolean autoDeploy) {
        api.addComponent(namespace, project, component, autoDeploy);
    }

    /**
     * Stores a DeploymentPipeline: each source environment with the environments it promotes to
     * (any environment named is created). Every namespace with a component already has
     * {@code default}: development → staging → production, which its projects use.
     */
    public void putDeploymentPipeline(String namespace, String name, Map<String, List<String>> promotionPaths) {
        promotions.putPipeline(namespace, name, promotionPaths);
    }

    /** The pipeline a project uses; null for a project without one. */
    public void useDeploymentPipeline(String namespace, String project, String pipeline) {
        promotions.usePipeline(namespace, project, pipeline);
    }

    /** Stores a ReleaseBinding as given, reconciled as if written long ago (Ready when its release is). */
    public void putReleaseBinding(String namespace, ObjectNode binding) {
        promotions.putBinding(namespace, binding);
    }

    /** A ReleaseBinding as {@code GET …/releasebindings/{name}} answers it. */
    public Optional<ObjectNode> releaseBinding(String namespace, String name) {
        return promotions.binding(namespace, name).or(() -> rollouts.binding(namespace, name));
    }

    /**
     * Whether ReleaseBindings' endpoints carry {@code invokeURL}. OpenChoreo's binding controller
     * stopped writing it on 2026-02-25 (b1abad5; it writes {@code externalURLs}, {@code internalURLs}
     * and {@code serviceURL}), older servers write it; the API document keeps the field. Off by default.
     */
    public void setInvokeUrls(boolean value) {
        rollouts.setInvokeUrls(value);
    }

    /** Whether the data plane's gateway has an https listener (default on); without, external URLs are http only. */
    public void setHttpsListener(boolean value) {
        rollouts.setHttpsListener(value);
    }

    /** Stores a Workload as given (any owner), adding the labels and defaults the server adds. */
    public void putWorkload(String namespace, ObjectNode workload) {
        api.putWorkload(namespace, workload);
    }

    public Optional<ObjectNode> workload(String namespace, String name) {
        return api.workload(namespace, name);
    }

    public List<ObjectNode> workloads(String namespace) {
        return api.workloads(namespace);
    }

    public void putWorkflowRun(String namespace, ObjectNode run) {
        api.putWorkflowRun(namespace, run);
    }

    public Optional<ObjectNode> workflowRun(String namespace, String name) {
        return api.workflowRun(namespace, name);
    }

    public Faults faults() {
        return faults;
    }

    /** Every request answered so far, oldest first, without secrets. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    public int count(Route route) {
        return (int) log.all().stream().filter(r -> r.route() == route).count();
    }

    /**
     * The round trips made one after the other since the requests were last cleared: the longest
     * chain of requests each sent after the one before it was answered (see {@link RecordedRequest}).
     */
    public int sequentialRoundTrips() {
        return log.all().stream().mapToInt(RecordedRequest::sequence).max().orElse(0);
    }

    /** The most requests in flight at once since the requests were last cleared. */
    public int mostInFlight() {
        return log.all().stream().mapToInt(RecordedRequest::inFlight).max().orElse(0);
    }

    public void clearRequests() {
        log.clear();
    }

    /** Forgets components, Workloads, releases, WorkflowRuns, faults and requests; restores the timings. */
    public void reset() {
        api.reset();
        faults.clear();
        log.clear();
        identityProvider.setTokenLifetime(defaultTokenLifetime);
        identityProvider.setExpiresInFormat(ExpiresInFormat.NUMBER);
        dispatcher.setLatency(defaultLatency);
        rollouts.setDelay(defaultRolloutDelay);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // Standard base64 has '+' and '/': a secret that catches clients skipping form-encoding.
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Options for a sandbox. */
    public static final class Builder {
        private boolean tls;
        private String audience;
        private Duration tokenLifetime = Duration.ofHours(1);
        private Duration latency = Duration.ZERO;
        private String version = "v1.2.0";
        private int port;
        private InetAddress bind;
        private final List<TrustedIssuer> trusted = new ArrayList<>();
        private Duration rolloutDelay = Duration.ofSeconds(2);

        private Builder() {
        }

        /**
         * Also accepts the access tokens of another identity provider (Keycloak, for example), as
         * OpenChoreo configured with it does: RS256 signatures by a key of {@code jwksUrl} (fetched
         * on first use and cached), {@code iss} equal to {@code issuer} to the letter, {@code exp}
         * and {@code nbf} without clock skew, and the {@link #audience} when one is set. The
         * protected-resource metadata then names this issuer first. The sandbox's own tokens stay
         * valid.
         */
        public Builder trustIssuer(String issuer, URI jwksUrl) {
            trusted.add(new TrustedIssuer(issuer, jwksUrl));
            return this;
        }

        /** How long a release takes to become Ready after a Workload change (default 2 s). */
        public Builder rolloutDelay(Duration value) {
            rolloutDelay = value;
            return this;
        }

        /** HTTPS with a self-signed certificate; clients need {@link #caBundlePem()}. */
        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        /** The audience the API demands in tokens (none by default, like OpenChoreo's default). */
        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            tokenLifetime = value;
            return this;
        }

        public Builder latency(Duration value) {
            latency = value;
            return this;
        }

        /** What {@code /version} reports. */
        public Builder version(String value) {
            version = value;
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("The port must be 0-65535, not " + value);
            }
            port = value;
            return this;
        }

        /**
         * The address to listen on (default: loopback). Another address exposes the sandbox, whose
         * clients and tokens are for tests only, to whoever can reach it: a Jenkins in a container
         * needs it, nothing else should. The URLs handed out name this address, or 127.0.0.1 for a
         * wildcard address (0.0.0.0 or ::).
         */
        public Builder bind(InetAddress value) {
            bind = value;
            return this;
        }

        public Sandbox start() {
            return new Sandbox(this);
        }
    }
}
