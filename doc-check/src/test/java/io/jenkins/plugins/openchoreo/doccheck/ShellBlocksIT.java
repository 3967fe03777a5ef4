package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.cli.ProcessOutput;
import io.jenkins.plugins.openchoreo.cli.SandboxCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell block of the pages that state a sandbox set-up, executed as written (issue 18): in
 * page order, each in its own bash, from the root of a scratch copy of the repository (so what a
 * block writes or builds stays out of the checkout), with the environment the page states: the
 * {@code export} lines its sandbox printed, then its other set-up blocks. The sandbox is started
 * by its set-up block, as written, on the port the page names. A block fails when it exits
 * non-zero or when its stdout is not the output the page shows after it (request ids, durations
 * and instants aside, see {@link ShellBlocks#comparable}). The build prints
 * {@code [docs] shell blocks run N, failed F}.
 *
 * <p>The blocks use bash, java and, where a page quotes OpenChoreo's guide, curl and jq: a missing
 * tool fails the test with its name (.ci/run installs curl and jq where they are missing).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the pages' shell blocks are POSIX shell")
class ShellBlocksIT {

    /** The pages a newcomer reads first; each must state a set-up. */
    static final List<String> NEWCOMER_PAGES = List.of("cli.md", "getting-started.md", "migrating-from-scripts.md");

    /** A hang guard per block (a build block may take minutes on a loaded machine), not a time budget. */
    private static final long BLOCK_TIMEOUT_SECONDS = 900;
    private static final long SANDBOX_START_SECONDS = 120;

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static Path scratch;

    static List<String> pages() {
        return ShellBlocks.pagesWithSetup();
    }

    @BeforeAll
    static void copyTheRepository() throws IOException {
        for (String tool : List.of("bash", "java", "curl", "jq")) {
            assertThat(onPath(tool)).as(tool + " on the PATH: the pages' shell blocks need it (Debian: apt-get "
                    + "install " + tool + "; .ci/run installs curl and jq)").isTrue();
        }
        scratch = Files.createTempDirectory("openchoreo-docs-");
        copy(Docs.root(), scratch);
    }

    @AfterAll
    static void report() throws IOException {
        System.out.println("[docs] shell blocks run " + RUN.get() + ", failed " + FAILED.get());
        if (scratch != null) {
            delete(scratch);
        }
    }

    @Test
    void theNewcomerPagesStateOneSandboxAtTheirTop() {
        assertThat(pages()).containsAll(NEWCOMER_PAGES);
        for (String page : NEWCOMER_PAGES) {
            List<ShellBlocks.Step> sandboxes = ShellBlocks.steps(page).stream().filter(ShellBlocks.Step::startsSandbox)
                    .toList();
            assertThat(sandboxes).as("docs/" + page + ": one set-up block that starts the sandbox").hasSize(1);
            String text = Docs.page(page);
            int secondSection = text.indexOf("\n## ", text.indexOf("\n## ") + 1);
            int setupAt = text.lines().limit(sandboxes.get(0).block().line()).mapToInt(l -> l.length() + 1).sum();
            assertThat(secondSection < 0 || setupAt < secondSection)
                    .as("docs/" + page + ": the set-up (line " + sandboxes.get(0).block().line()
                            + ") is stated at the top, before the second section")
                    .isTrue();
            assertThat(text).as("docs/" + page + ": the port its sandbox listens on").contains("port "
                    + statedPort(sandboxes.get(0)));
        }
    }

    /** The port a set-up block's sandbox listens on: its --port, else the sandbox command's default. */
    static int statedPort(ShellBlocks.Step setup) {
        List<String> words = ShellWords.split(setup.block().text().strip());
        int port = words.indexOf("--port");
        return port < 0 ? SandboxCommand.DEFAULT_PORT : Integer.parseInt(words.get(port + 1));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyShellBlockRunsAsWritten(String page) throws Exception {
        List<ShellBlocks.Step> steps = ShellBlocks.steps(page);
        List<String> failures = new ArrayList<>();
        Map<String, String> env = baseEnvironment();
        StringBuilder prelude = new StringBuilder();
        Process sandbox = null;
        try {
            for (ShellBlocks.Step step : steps) {
                if (step.startsSandbox()) {
                    sandbox = startSandbox(step, env, page);
                    continue;
                }
                if (step.setup()) {
                    prelude.append(step.block().text()).append('\n');
                    continue;
                }
                RUN.incrementAndGet();
                String failure = run(step, page, env, prelude.toString());
                if (failure != null) {
                    FAILED.incrementAndGet();
                    failures.add(failure);
                }
            }
        } finally {
            if (sandbox != null) {
                stop(sandbox);
            }
        }
        assertThat(failures).as("shell blocks of docs/" + page + " that do not run as written").isEmpty();
    }

    /** Runs one block; null when it exits 0 and prints what the page shows, else why not. */
    private static String run(ShellBlocks.Step step, String page, Map<String, String> env, String prelude)
            throws IOException, InterruptedException {
        Result result = bash(prelude + step.block().text(), env, BLOCK_TIMEOUT_SECONDS);
        String first = step.block().text().strip().lines().findFirst().orElse("");
        if (result.exitCode != 0) {
            return step.where(page) + " (" + first + ") exited " + result.exitCode + "\n--- stdout\n"
                    + tail(result.stdout) + "\n--- stderr\n" + tail(result.stderr);
        }
        if (step.output() != null) {
            List<String> shown = ShellBlocks.comparable(step.output().text());
            List<String> printed = ShellBlocks.comparable(result.stdout);
            if (!shown.equals(printed)) {
                return step.where(page) + " (" + first + "): its stdout is not the output shown at line "
                        + step.output().line() + "\n--- shown\n" + String.join("\n", shown) + "\n--- printed\n"
                        + String.join("\n", printed) + "\n--- stderr\n" + tail(result.stderr);
            }
        }
        return null;
    }

    /**
     * Starts the set-up block as written and waits for the export lines it prints, which join the
     * environment. A port still held by an earlier run (another build on this machine) is waited
     * for a while before the page fails.
     */
    private static Process startSandbox(ShellBlocks.Step step, Map<String, String> env, String page)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SANDBOX_START_SECONDS);
        while (true) {
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-c",
                    step.block().text()).directory(scratch.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            CompletableFuture<String> stderr = ProcessOutput.drain(process.getErrorStream());
            Map<String, String> exports = exports(process.getInputStream());
            if (exports.containsKey("OPENCHOREO_API_URL")) {
                String apiUrl = exports.get("OPENCHOREO_API_URL");
                if (!apiUrl.endsWith(":" + statedPort(step))) {
                    stop(process);
                    throw new AssertionError(step.where(page) + ": the sandbox listens at " + apiUrl + ", not on the "
                            + "port the page states, " + statedPort(step));
                }
                env.putAll(exports);
                return process;
            }
            process.waitFor(10, TimeUnit.SECONDS);
            String why;
            try {
                why = stderr.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                why = "(its stderr could not be read: " + e + ")";
            }
            if (!why.contains("Could not listen") || System.nanoTime() > deadline) {
                throw new AssertionError(step.where(page) + ": the sandbox did not start:\n" + why);
            }
            Thread.sleep(2000);
        }
    }

    /** The "export NAME=value" lines under "For a shell or CI job:", read until they end. */
    private static Map<String, String> exports(InputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
        Map<String, String> exports = new LinkedHashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ")) {
                String[] pair = trimmed.substring("export ".length()).split("=", 2);
                exports.put(pair[0], pair[1]);
            } else if (!exports.isEmpty()) {
                break;
            }
        }
        // Keep reading, so the sandbox never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                reader.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the sandbox stopped
            }
        }, ProcessOutput::daemon);
        return exports;
    }

    private static void stop(Process sandbox) throws InterruptedException {
        sandbox.descendants().forEach(ProcessHandle::destroy);
        sandbox.destroy();
        if (!sandbox.waitFor(20, TimeUnit.SECONDS)) {
            sandbox.destroyForcibly();
        }
    }

    /**
     * A fresh shell's environment: this machine's, without OPENCHOREO_* (a developer's own settings),
     * Maven's and Java's option variables, with this JVM's java first on the PATH.
     */
    private static Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("OPENCHOREO_") || name.startsWith("MAVEN_")
                || name.startsWith("JAVA_") || name.startsWith("JDK_") || name.equals("_JAVA_OPTIONS"));
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result bash(String script, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c",
                script).directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = ProcessOutput.drain(process.getInputStream());
        CompletableFuture<String> stderr = ProcessOutput.drain(process.getErrorStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, stdout.getNow(""), "did not end in " + timeoutSeconds + " s\n" + stderr.getNow(""));
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String tail(String text) {
        return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", tool));
    }

    /** What a fresh clone plus the build holds: the sources, and of the build output only the CLI's jar. */
    private static void copy(Path from, Path to) throws IOException {
        Set<String> kept = Set.of("openchoreo-cli.jar", "openchoreo-cli.jsa");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                Path relative = from.relativize(dir);
                boolean cliBuild = relative.equals(Path.of("cli", "target"));
                if (name.equals(".git") || name.equals("node_modules") || name.equals("work")
                        || name.equals("target") && !cliBuild
                        || relative.startsWith(Path.of("cli", "target")) && !cliBuild) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(file);
                boolean build = relative.startsWith(Path.of("cli", "target"));
                if (attrs.isRegularFile() && (!build || kept.contains(file.getFileName().toString()))) {
                    Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
