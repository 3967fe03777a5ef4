package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark against one sandbox, prints the Markdown section and writes it to
 * docs/performance.md. Progress goes to stderr, the section to stdout. Measures; asserts nothing.
 */
public final class BenchMain {

    private static final int WARM_UP_DEPLOYS = 150;
    private static final int START_UPS = 10;
    private static final Duration LIFETIME = Duration.ofSeconds(3);
    private static final Duration LIFETIME_SPAN = Duration.ofMillis(7500);
    private static final Duration WAITED_ROLLOUT = Duration.ofSeconds(30);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        PrintStream log = System.err;
        if (!Files.isRegularFile(options.cliJar())) {
            throw new IllegalStateException(
                    "No CLI jar at " + options.cliJar() + ": build it first (bench/run.sh does)");
        }
        String toolVersions = Toolchain.ensureCurlAndJq(log);
        String loadBefore = Machine.loadAverage();
        String uptimeBefore = Machine.uptime();
        String machine = Machine.describe();
        log.println("Machine: " + machine);
        log.println("Tools: " + toolVersions);
        BenchReport report = new BenchReport();
        Path scratch = Files.createTempDirectory("openchoreo-bench-");
        long started = System.nanoTime();
        try (Sandbox sandbox = Sandbox.start()) {
            Path workspace = Files.createDirectories(scratch.resolve("workspace"));
            DeployScenarios deploys = new DeployScenarios(sandbox, workspace);
            TokenScenarios tokens = new TokenScenarios(sandbox, workspace);
            SeedScript script = new SeedScript(sandbox, scratch);
            List<CliDeploys> after = clis(sandbox, options.cliJar(), "");
            List<CliDeploys> before = options.baseline() == null ? List.of()
                    : clis(sandbox, options.baseline().resolve("cli/target/openchoreo-cli.jar"), "before: ");
            List<CliDeploys> all = new ArrayList<>(after);
            all.addAll(before);
            CliDeploys cli = after.get(0);
            ToolComparison tools = new ToolComparison(sandbox, script, all);

            log.println("Warming up the engine with " + WARM_UP_DEPLOYS + " deploys of each kind");
            deploys.run("warm", 0, WARM_UP_DEPLOYS);
            for (long latency : options.latencies()) {
                sandbox.setLatency(Duration.ofMillis(latency));
                log.println("Latency " + latency + " ms: engine deploys");
                deploys.run("svc", latency, options.repetitions()).forEach((k, v) -> report.addDeploys(latency, k, v));
                log.println("Latency " + latency + " ms: token sharing");
                report.addTokens(latency, tokens.sequential(latency, options.sequential()));
                report.addTokens(latency, tokens.concurrent(latency));
                log.println("Latency " + latency + " ms: the guide's script and the CLI, " + all.size() + " ways");
                tools.run(latency, options.toolRepetitions()).forEach((k, v) -> report.addTools(latency, k, v));
            }
            sandbox.setLatency(Duration.ZERO);
            log.println("Token lifetime " + LIFETIME.toSeconds() + " s over " + LIFETIME_SPAN.toMillis() + " ms");
            report.addTokens(0, tokens.acrossLifetimes(LIFETIME, LIFETIME_SPAN));
            log.println("Where a CLI process's time goes");
            List<CliDeploys> startups = new ArrayList<>(before);
            startups.addAll(after);
            report.startup = new StartupBreakdown(sandbox).run(startups, START_UPS);
            log.println("A waited deploy: " + WAITED_ROLLOUT.toSeconds() + " s rollout at the default poll interval");
            report.waiting = new WaitScenario(sandbox).run(WAITED_ROLLOUT);
            log.println("Field survival");
            FieldSurvival survival = new FieldSurvival(sandbox, script, cli);
            report.fields = survival.table(survival.run());
        }
        log.println("The fault matrix");
        report.faults = FaultMatrixScoreboard.run(log).table();
        String settings = "injected latency per request " + options.latencies() + " ms; " + options.repetitions()
                + " deploys per kind and latency (after " + WARM_UP_DEPLOYS + " warm-up deploys of each kind); "
                + options.sequential() + " sequential and " + TokenScenarios.CONCURRENT + " concurrent deploys; "
                + options.toolRepetitions() + " process runs per tool, deploy kind and latency; " + START_UPS
                + " runs per row of the start-up breakdown; sandbox over plain HTTP on loopback, token lifetime 1 h ("
                + LIFETIME.toSeconds() + " s in the lifetime row); engine with default HTTP and retry settings and "
                + "the token URL given (no discovery); " + (options.baseline() == null ? "no baseline"
                        : "baseline (\"before\"): " + Baseline.describe(options.baseline()))
                + "; whole run "
                + (System.nanoTime() - started) / 1_000_000_000 + " s; load average (1/5/15 min) "
                + loadBefore + " before, " + Machine.loadAverage() + " after";
        report.load = "`" + uptimeBefore + "` before, `" + Machine.uptime() + "` after (2 cores: a load above 2 "
                + "means processes waited for a core, and wall times grow with it)";
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String section = report.section(date, machine, settings, toolVersions);
        System.out.println(section);
        if (options.out() != null) {
            PerformanceDoc.write(options.out(), section);
            log.println("Wrote the section \"" + PerformanceDoc.HEADING.substring(3) + "\" of " + options.out());
        }
        deleteQuietly(scratch);
    }

    /** {@code java -jar} with this JVM, then the launcher with each Java the build made an archive for. */
    private static List<CliDeploys> clis(Sandbox sandbox, Path jar, String prefix) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No CLI jar at " + jar + ": build it first (bench/run.sh does)");
        }
        Path home = Path.of(System.getProperty("java.home"));
        List<CliDeploys> clis = new ArrayList<>();
        clis.add(CliDeploys.javaJar(sandbox, prefix + "`java -jar`, Java " + Launchers.version(home),
                Path.of(Machine.java()), jar.toAbsolutePath()));
        Path launcher = jar.toAbsolutePath().getParent().getParent().resolve("openchoreo");
        List<Launchers.Target> targets = Launchers.beside(jar);
        for (Launchers.Target target : targets) {
            clis.add(CliDeploys.launcher(sandbox, prefix + target.label(), launcher, target.javaHome()));
        }
        if (targets.isEmpty() && Files.isRegularFile(jar.resolveSibling("openchoreo-cli.jsa"))) {
            // A baseline from before archives carried their Java's version in their names.
            clis.add(CliDeploys.launcher(sandbox, prefix + "`cli/openchoreo`, Java " + Launchers.version(home)
                    + " (CDS archive)", launcher, home));
        }
        return clis;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
