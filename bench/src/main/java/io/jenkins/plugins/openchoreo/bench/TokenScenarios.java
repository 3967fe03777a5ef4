package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Identity-provider calls when many deploys share one credential and one token cache: N in a
 * row, 50 at once (different components), and deploys spanning several token lifetimes.
 */
final class TokenScenarios {

    static final int CONCURRENT = 50;

    /** What one scenario saw: deploys, API requests, identity-provider calls, wall time of the whole batch. */
    record Outcome(String scenario, int deploys, int apiRequests, int identityProviderCalls, int tokensIssued,
            String expected, double wallMillis) {
    }

    private final Sandbox sandbox;
    private final Path workspace;

    TokenScenarios(Sandbox sandbox, Path workspace) {
        this.sandbox = sandbox;
        this.workspace = workspace;
    }

    /** N sequential image updates of components that already have a Workload. */
    Outcome sequential(long latencyMillis, int deploys) {
        List<String> components = components("seq-" + latencyMillis + "ms-", deploys, latencyMillis);
        EngineDeploys engine = new EngineDeploys(sandbox, EngineDeploys.freshEngine(), workspace);
        sandbox.clearRequests();
        long start = System.nanoTime();
        for (String component : components) {
            engine.deploy(EngineDeploys.request(component, DeployScenarios.image(2)).build());
        }
        return outcome(deploys + " sequential deploys", deploys, start, "1");
    }

    /** 50 image updates of 50 components at once, through one token cache and one credential. */
    Outcome concurrent(long latencyMillis) throws InterruptedException {
        List<String> components = components("par-" + latencyMillis + "ms-", CONCURRENT, latencyMillis);
        EngineDeploys engine = new EngineDeploys(sandbox, EngineDeploys.freshEngine(), workspace);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<DeployResult>> futures = new ArrayList<>();
            for (String component : components) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return engine.deploy(EngineDeploys.request(component, DeployScenarios.image(2)).build());
                }));
            }
            sandbox.clearRequests();
            long start = System.nanoTime();
            go.countDown();
            for (Future<DeployResult> future : futures) {
                future.get();
            }
            return outcome(CONCURRENT + " concurrent deploys", CONCURRENT, start, "1");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A concurrent deploy failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Unchanged deploys in a row for {@code span} with tokens that live {@code lifetime}: the cache
     * refreshes a token a fifth of its lifetime before it expires, so the target is one call per
     * 0.8 × lifetime begun.
     */
    Outcome acrossLifetimes(Duration lifetime, Duration span) {
        List<String> components = components("life-", 1, 0);
        EngineDeploys engine = new EngineDeploys(sandbox, EngineDeploys.freshEngine(), workspace);
        sandbox.setTokenLifetime(lifetime);
        try {
            sandbox.clearRequests();
            long start = System.nanoTime();
            long end = start + span.toNanos();
            int deploys = 0;
            while (System.nanoTime() < end) {
                engine.deploy(EngineDeploys.request(components.get(0), DeployScenarios.image(2)).build());
                deploys++;
            }
            long usable = lifetime.toMillis() * 4 / 5;
            long expected = (span.toMillis() + usable - 1) / usable;
            return outcome(deploys + " deploys over " + span.toSeconds() + " s, token lifetime "
                    + lifetime.toSeconds() + " s", deploys, start, Long.toString(expected));
        } finally {
            sandbox.setTokenLifetime(Duration.ofHours(1));
        }
    }

    /** Components with a Workload at image 1, made at no latency and without being counted. */
    private List<String> components(String prefix, int count, long latencyMillis) {
        sandbox.setLatency(Duration.ZERO);
        EngineDeploys setUp = new EngineDeploys(sandbox, EngineDeploys.freshEngine(), workspace);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            sandbox.addComponent("default", EngineDeploys.PROJECT, name);
            setUp.deploy(EngineDeploys.request(name, DeployScenarios.image(1)).build());
            names.add(name);
        }
        sandbox.setLatency(Duration.ofMillis(latencyMillis));
        return names;
    }

    private Outcome outcome(String scenario, int deploys, long start, String expected) {
        double wall = (System.nanoTime() - start) / 1e6;
        RoundTrips trips = RoundTrips.of(sandbox);
        return new Outcome(scenario, deploys, trips.api(), trips.identityProvider(), trips.tokensIssued(), expected,
                wall);
    }
}
