package io.jenkins.plugins.openchoreo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the start-up archives that {@code cli/openchoreo} uses, each from one training deploy of
 * the packaged jar against a sandbox: an image update with a WorkflowRun to annotate and the token
 * URL discovered, as a CI job runs it. Run by the build after packaging (cli/pom.xml).
 *
 * <ul>
 * <li>The build's Java: a class data sharing archive ({@code -XX:ArchiveClassesAtExit}) on Java
 * 17-23, an ahead-of-time cache ({@code -XX:AOTCacheOutput}, JEP 483/514) on Java 24 or newer.
 * <li>The newest JDK 24+ under /usr/lib/jvm, or the one named by the first argument: an
 * ahead-of-time cache. None there: no cache, and nothing said.
 * </ul>
 *
 * An archive fits only the JVM that made it, so its name carries that JVM's version
 * ({@code openchoreo-cli-java17.0.15.jsa}, {@code openchoreo-cli-java25.0.3.aot}); the launcher
 * picks the one named for the Java it runs. A training that fails leaves no archive and a line
 * saying why: the launcher then runs the jar as {@code java -jar} does.
 */
public final class StartupTraining {

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final long TIMEOUT_SECONDS = 180;
    private static final String COMPONENT = "greeter";
    private static final String RUN = "greeter-build-2";

    private StartupTraining() {
    }

    /** Arguments: the packaged jar; optionally a JDK home for the ahead-of-time cache (blank: look for one). */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        String aotSetting = args.length > 1 ? args[1] : "";
        Map<Path, Jdk> jdks = new LinkedHashMap<>();
        Jdk build = Jdk.at(Path.of(System.getProperty("java.home")));
        jdks.put(build.home(), build);
        aheadOfTimeJdk(aotSetting).ifPresent(jdk -> jdks.putIfAbsent(jdk.home(), jdk));
        deleteOldArchives(jar.getParent());
        try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
            for (Jdk jdk : jdks.values()) {
                train(sandbox, jar, jdk);
            }
        }
    }

    private static void train(Sandbox sandbox, Path jar, Jdk jdk) throws IOException, InterruptedException {
        if (jdk.feature() < 17) {
            System.out.println("No start-up archive for " + jdk.home()
                    + ": no JAVA_VERSION of 17 or newer in its release file");
            return;
        }
        Path archive = jar.resolveSibling(archiveName(jar, jdk));
        seed(sandbox);
        List<String> command = new ArrayList<>(List.of(jdk.java().toString()));
        if (jdk.feature() >= 24) {
            command.add("-XX:AOTCacheOutput=" + archive);
            command.add("-Xlog:aot=off");
        } else {
            command.add("-XX:ArchiveClassesAtExit=" + archive);
            command.add("-Xlog:cds+dynamic=off");
        }
        command.addAll(List.of("-Xlog:cds=off", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "deploy",
                "--api-url", sandbox.apiUrl().toString(), "--client-id", sandbox.defaultClient().clientId(),
                "--component", COMPONENT, "--image", "registry.example.com/greeter:2", "--workflow-run", RUN));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENCHOREO_") || name.startsWith("JAVA_")
                || name.startsWith("JDK_"));
        builder.environment().put("OPENCHOREO_CLIENT_SECRET", sandbox.defaultClient().secret());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!ended || process.exitValue() != 0 || !Files.isRegularFile(archive)) {
            Files.deleteIfExists(archive);
            System.out.println("No " + archive.getFileName() + ": the training deploy on Java " + jdk.version() + " ("
                    + jdk.home() + ") " + (ended ? "ended with exit code " + process.exitValue() : "did not end")
                    + ":\n" + output);
            return;
        }
        System.out.println(archive.getFileName() + ": made by Java " + jdk.version() + " (" + jdk.home()
                + ") from a training deploy in " + millis + " ms, " + Files.size(archive) / 1024 / 1024 + " MiB");
    }

    /** openchoreo-cli-java25.0.3.aot: the launcher builds the same name from the running Java's release file. */
    static String archiveName(Path jar, Jdk jdk) {
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return base + "-java" + jdk.version() + (jdk.feature() >= 24 ? ".aot" : ".jsa");
    }

    /** A component with a Workload and a WorkflowRun: the deploy is an annotated image update. */
    private static void seed(Sandbox sandbox) {
        sandbox.reset();
        sandbox.addComponent("default", "default", COMPONENT);
        sandbox.putWorkload("default", Workload.minimal(COMPONENT + "-workload", "default", COMPONENT,
                "registry.example.com/greeter:1").toJson());
        ObjectNode run = Json.object();
        run.putObject("metadata").put("name", RUN);
        run.putObject("spec").put("workflow", "external-ci");
        sandbox.putWorkflowRun("default", run);
    }

    private static void deleteOldArchives(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches(".*-java[^/]+\\.(aot|jsa)"))
                    .toList()) {
                Files.delete(file);
            }
        }
    }

    /** The configured JDK home, else the newest JDK 24+ under /usr/lib/jvm, else none. */
    static Optional<Jdk> aheadOfTimeJdk(String setting) {
        if (!setting.isBlank()) {
            Jdk configured = Jdk.at(Path.of(setting.trim()));
            if (configured.feature() < 24) {
                throw new IllegalArgumentException(setting + " is Java " + configured.version()
                        + ": an ahead-of-time cache needs Java 24 or newer");
            }
            return Optional.of(configured);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> !Files.isSymbolicLink(home) && Files.isExecutable(home.resolve("bin/java")))
                    .map(Jdk::at).filter(jdk -> jdk.feature() >= 24).max(Comparator.comparingInt(Jdk::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDK by its home and the JAVA_VERSION of its release file ("" and feature 0 when unreadable). */
    record Jdk(Path home, String version, int feature) {

        static Jdk at(Path home) {
            String version = "";
            try {
                Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
                version = m.find() ? m.group(1) : "";
            } catch (IOException e) {
                // An unreadable release file: not a JDK to train on.
            }
            Matcher feature = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version);
            return new Jdk(home.toAbsolutePath().normalize(), version,
                    feature.find() ? Integer.parseInt(feature.group(1)) : 0);
        }

        Path java() {
            return home.resolve("bin").resolve("java");
        }
    }
}
