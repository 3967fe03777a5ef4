package io.jenkins.plugins.openchoreo.client.http;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends calls over one pooled HttpClient 5 per configuration. Each call gets its own
 * {@code X-Request-ID}, is bounded by the call timeout (a slow body included) and by the
 * response size limit, and failures become {@link TransportException}s that say what to check.
 * No retries here: that is {@link io.jenkins.plugins.openchoreo.client.retry.Retrier}'s job.
 */
public final class Transport implements AutoCloseable {

    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    /** How often a call checks whether its thread was interrupted (a blocking read does not notice by itself). */
    private static final long INTERRUPT_CHECK_MILLIS = 50;

    // One daemon timer for all transports: it only cancels calls that overrun their time, or whose
    // thread was interrupted.
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "openchoreo-call-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpSettings settings;
    private final String userAgent;
    // Guarded by this: the pooled client (null once closed while idle), the calls using it, and
    // whether it is to be closed as soon as none does (retired) or for good (closed).
    private CloseableHttpClient client;
    private int inFlight;
    private boolean retired;
    private boolean closed;

    public Transport(HttpSettings settings) {
        this.settings = settings;
        this.userAgent = ProductVersion.userAgent(settings.userAgentProduct());
        this.client = build(settings, userAgent);
    }

    public HttpSettings settings() {
        return settings;
    }

    /** Sends the call within the call timeout. */
    public HttpResult send(HttpCall call, CallObserver observer) {
        return send(call, settings.callTimeout(), observer);
    }

    /**
     * Sends the call, giving up after {@code budget} (the smaller of the call timeout and what is
     * left of an overall deadline).
     */
    public HttpResult send(HttpCall call, Duration budget, CallObserver observer) {
        CloseableHttpClient pooled = acquire();
        try {
            return send(pooled, call, budget, observer);
        } finally {
            release();
        }
    }

    private HttpResult send(CloseableHttpClient pooled, HttpCall call, Duration budget, CallObserver observer) {
        String requestId = UUID.randomUUID().toString();
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        call.headers().forEach(request::setHeader);
        request.setHeader(REQUEST_ID_HEADER, requestId);
        request.setHeader("User-Agent", userAgent);
        if (call.body() != null) {
            request.setEntity(new ByteArrayEntity(call.body(), ContentType.parse(call.contentType())));
        }
        Duration limit = budget.compareTo(settings.callTimeout()) < 0 ? budget : settings.callTimeout();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        // An aborted build, or a deploy that no longer needs a call beside it, interrupts the calling
        // thread: the request is then aborted at once instead of running on to its answer or timeout.
        Thread caller = Thread.currentThread();
        ScheduledFuture<?> interruptCheck = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (caller.isInterrupted()) {
                request.cancel();
            }
        }, INTERRUPT_CHECK_MILLIS, INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            HttpResult result = pooled.execute(request, response -> read(response, requestId, start));
            observer.attempted(call, result.status(), requestId, result.elapsed());
            return result;
        } catch (IOException | RuntimeException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            observer.attempted(call, 0, requestId, elapsed);
            if (e instanceof TransportException known) {
                throw known;
            }
            if (Thread.currentThread().isInterrupted()) {
                // An aborted build interrupts its thread: report that, not a timeout or a reset.
                throw new TransportException(ErrorCode.ABORTED, call.describe() + " was interrupted", null,
                        requestId, 0, e);
            }
            throw failure(call, e, timedOut.get(), limit, requestId);
        } finally {
            watchdog.cancel(false);
            interruptCheck.cancel(false);
        }
    }

    /** The client for one call; a retired transport opens a new pool for a late caller (closed after it). */
    private synchronized CloseableHttpClient acquire() {
        if (closed) {
            throw new IllegalStateException(
                    "This HTTP transport is closed: the OpenChoreo engine that made it was closed");
        }
        if (client == null) {
            client = build(settings, userAgent);
        }
        inFlight++;
        return client;
    }

    private synchronized void release() {
        inFlight--;
        if (retired || closed) {
            closeIfIdle();
        }
    }

    /**
     * Closes the pooled connections as soon as no call uses them (at once when idle). For an
     * engine that drops this transport from its pool: a call still under way finishes first, and
     * a caller that still holds the transport gets a fresh pool for each later call.
     */
    public synchronized void retire() {
        retired = true;
        closeIfIdle();
    }

    /** Whether it holds an open connection pool (false once retired or closed and idle). */
    public synchronized boolean isOpen() {
        return client != null;
    }

    private void closeIfIdle() {
        if (inFlight == 0 && client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // Closing idle pooled connections cannot lose data; nothing to report.
            }
            client = null;
        }
    }

    private HttpResult read(ClassicHttpResponse response, String requestId, long start) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readBounded(entity, requestId);
        return new HttpResult(response.getCode(), headers, body, requestId,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private byte[] readBounded(HttpEntity entity, String requestId) throws IOException {
        long max = settings.maxResponseBytes();
        if (entity.getContentLength() > max) {
            throw tooLarge(requestId);
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1;) {
                total += n;
                if (total > max) {
                    throw tooLarge(requestId);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private TransportException tooLarge(String requestId) {
        return new TransportException(ErrorCode.RESPONSE_TOO_LARGE,
                "The answer is larger than " + settings.maxResponseBytes() + " bytes", null, requestId, 0, null);
    }

    private TransportException failure(HttpCall call, Exception e, boolean timedOut, Duration limit,
            String requestId) {
        String where = call.describe() + " to " + call.uri().getScheme() + "://" + call.uri().getAuthority();
        if (timedOut || e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && !(e instanceof java.net.SocketException)) {
            String what = timedOut ? "did not complete within " + limit.toMillis() + " ms"
                    : "timed out (" + e.getMessage() + ")";
            return new TransportException(ErrorCode.TRANSPORT_TIMEOUT, where + " " + what, null, requestId, 0, e);
        }
        if (e instanceof SSLException) {
            return new TransportException(ErrorCode.TRANSPORT_TLS,
                    where + " failed the TLS handshake: " + e.getMessage(), null, requestId, 0, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException) {
            String what = e instanceof UnknownHostException ? "unknown host " + call.uri().getHost()
                    : "connection refused or unreachable";
            return new TransportException(ErrorCode.TRANSPORT_CONNECT, where + " failed: " + what, null, requestId,
                    0, e);
        }
        return new TransportException(ErrorCode.TRANSPORT_CONNECT,
                where + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                "The connection broke before a whole answer arrived: check proxies and load balancers "
                        + "between this machine and the server; the call is retried when that is safe.",
                requestId, 0, e);
    }

    private static CloseableHttpClient build(HttpSettings settings, String userAgent) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection)
                        .setTlsSocketStrategy(new LazyTlsSocketStrategy(settings.caBundlePem()))
                        .setMaxConnPerRoute(20)
                        .setMaxConnTotal(50)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                // Without cookies no cookie rules are needed: the default set parses the public
                // suffix list, a good part of a short CLI run's start-up. The User-Agent given here
                // (each request sets it too) spares the builder reading the library's version file.
                .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
                .setUserAgent(userAgent)
                .disableRedirectHandling();
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new NoProxyRoutePlanner(proxyHost, proxy));
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(
                        proxy.username(), proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }

    /** Refuses new calls and closes the pooled connections once the calls under way have ended. */
    @Override
    public synchronized void close() {
        closed = true;
        closeIfIdle();
    }
}
