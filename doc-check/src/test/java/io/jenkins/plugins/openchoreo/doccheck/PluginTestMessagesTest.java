package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's JenkinsRule tests never run where only Maven Central is reachable, so a reworded
 * message would break them unseen. This reads their sources, collects every literal they expect
 * in a build log or a page ({@code assertLogContains}, {@code waitForMessage}, {@code contains},
 * {@code startsWith}, {@code endsWith}; not inside a negative assertion), and requires each to
 * occur in the main sources of the plugin, the engine or the sandbox, or in the plugin's
 * {@code Messages.properties}. A literal the code builds from parts is listed in {@link #PARTS}
 * with the part that must occur; one the test's own Pipeline script prints, in {@link #OWN}.
 */
class PluginTestMessagesTest {

    /**
     * A literal the code builds from parts (a template with {@code {0}}, a verb and a name) → the
     * parts that must still occur. Named so a failure says which part went missing.
     */
    static final Map<String, List<String>> PARTS = new LinkedHashMap<>();
    /** A literal no code of this project prints (the test's own script or input, the JDK) → why. */
    static final Map<String, String> OWN = new LinkedHashMap<>();

    static {
        for (String field : List.of("defaultNamespace", "instanceName", "defaultEnvironment", "waitTimeout",
                "pollIntervalSeconds", "maxAttempts", "defaultProject")) {
            // Configuration as Code export and config.xml: the field's name, with the test's value.
            PARTS.put(field + ": \"acme\"", List.of(field));
            PARTS.put(field + ": \"ci-east\"", List.of(field));
            PARTS.put(field + ": \"staging\"", List.of(field));
            PARTS.put(field + ": \"15m\"", List.of(field));
            PARTS.put(field + ": 3", List.of(field));
            PARTS.put("<" + field + ">ci-east</" + field + ">", List.of(field));
            PARTS.put("<" + field + ">3</" + field + ">", List.of(field));
            PARTS.put("<" + field + ">unsaved</" + field + ">", List.of(field));
        }
        PARTS.put("Wait timeout \"soon\" is not a duration", List.of("Wait timeout \"", "\" is not a duration"));
        for (String id : List.of("restricted", "team-client", "${OC_CRED}")) {
            PARTS.put("No credentials with id \"" + id + "\"", List.of("No credentials with id \""));
        }
        PARTS.put("[OpenChoreo] Unexpected error: java.lang.IllegalStateException",
                List.of("[OpenChoreo] ", "Unexpected error: "));
        PARTS.put("Unknown mode \"imge-only\": use auto, image-only or replace",
                List.of("Unknown mode \"", "\": use auto, image-only or replace"));
        PARTS.put("Created Workload default/greeter-workload", List.of("Created", " Workload ", "-workload"));
        PARTS.put("mode=image-only", List.of("image-only"));
        PARTS.put("outcome=created workload=greeter-workload image=registry.example.com/greeter:1",
                List.of("CREATED", "-workload"));
        PARTS.put("second=updated previous=registry.example.com/greeter:1", List.of("UPDATED", "previousImage"));
        for (String job : List.of("greeter-ci", "ci-east:greeter-ci", "org/repo", "ready")) {
            PARTS.put("jenkins.io/job-full-name: " + job, List.of("jenkins.io/job-full-name: "));
        }
        PARTS.put("from 1 to 20", List.of(" must be a whole number from "));
        PARTS.put("maxAttempts must be a whole number from 1 to 20", List.of(" must be a whole number from "));
        PARTS.put("Warning: Not waiting for the rollout", List.of("Warning: ", "Not waiting for the rollout: "));
        PARTS.put("The Workload is written, but the rollout of component greeter is not Ready after 3 s",
                List.of("The Workload is written, but the rollout of component ", " is not Ready after "));
        PARTS.put("Endpoint api: ", List.of("Endpoint {0}: "));
        // Promotion (PromoteResult.summary, PromotionPaths, ErrorCode.PROMOTION_FORBIDDEN, Promoter's 403 reasons).
        PARTS.put("Created ReleaseBinding default/greeter-staging", List.of("\"Created\") + \" ReleaseBinding \""));
        PARTS.put("Not promoting: the build is UNSTABLE", List.of("Not promoting: the build is {0}"));
        PARTS.put("allowed targets from development: staging", List.of("\"allowed targets from \""));
        PARTS.put("has no promotion path development → production; allowed targets from development: ",
                List.of(" has no promotion path ", "\"allowed targets from \""));
        PARTS.put("reading project shop needs project:view", List.of("project:view"));
        PARTS.put("Hint: Promotion needs project:view, deploymentpipeline:view, releasebinding:view, ",
                List.of("Promotion needs project:view, deploymentpipeline:view, releasebinding:view, "));
        PARTS.put("releasebinding:create and releasebinding:update",
                List.of("releasebinding:create \"", "\"and releasebinding:update"));
        PARTS.put("staging-default.openchoreo.localhost", List.of(".openchoreo.localhost"));
        // Rollout following (RolloutWaiter's one-sentence warning, RolloutDiagnostics' pod and event lines).
        PARTS.put("Warning: Not following the rollout: the client may not read component greeter (it lacks ",
                List.of("Warning: ", "Not following the rollout: ", " (it lacks "));
        PARTS.put("component:view in namespace default).", List.of("component:view", " in namespace "));
        PARTS.put("container main waiting: ImagePullBackOff", List.of("\", container \")", "\"waiting\""));
        PARTS.put("Warning ImagePullBackOff", List.of("\"Warning\""));
        PARTS.put("Last log lines of pod greeter-development-", List.of("Last log lines of pod "));

        OWN.put("registry.example.com/greeter:1", "the image the test deploys");
        OWN.put("\tat io.jenkins.plugins.openchoreo.DeployExecutionTest",
                "the JDK's stack trace of the test's exception");
        OWN.put("Caused by", "the JDK's stack trace of the test's exception");
        OWN.put("ready=false release=null", "the test's Pipeline script echoes the step's result");
        OWN.put("ready=false", "the test's Pipeline script echoes the step's result");
        OWN.put("ready=true release=greeter-", "the test's Pipeline script echoes the step's result");
        OWN.put("environment=development readyAt=true urls=[", "the test's Pipeline script echoes the step's result");
        OWN.put("panic: cannot reach the database", "a log line the test gives the sandbox's failing rollout");
        for (String echo : List.of("outcome=created release=", " environment=staging from=development",
                "again=unchanged", "ready=true urls=[http", "dry=true outcome=created")) {
            OWN.put(echo, "the test's Pipeline script echoes the promote step's result");
        }
    }

    private static final Pattern CALL = Pattern.compile(
            "\\b(assertLogContains|waitForMessage|contains|startsWith|endsWith|containsString)\\s*\\(");
    private static final Pattern NEGATIVE = Pattern.compile("NotContain|assertFalse|doesNotContain|isFalse\\(\\)");
    private static final Pattern ASSERTJ_NEGATIVE = Pattern.compile("\\.isFalse\\(\\)");
    private static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("(\"(?:[^\"\\\\\\n]|\\\\.)*\")|//[^\\n]*|(?s)/\\*.*?\\*/");

    /** One expected literal and where it is. */
    record Expected(String literal, String where) {}

    @Test
    void everyMessageAPluginTestExpectsStillExists() {
        List<String> corpus = corpus();
        List<String> problems = new ArrayList<>();
        List<Expected> expected = expected();
        assertThat(expected).as("literals found in the plugin's tests").hasSizeGreaterThan(40);
        for (Expected e : expected) {
            String literal = e.literal();
            if (OWN.containsKey(literal)) {
                continue;
            }
            for (String part : PARTS.getOrDefault(literal, List.of(literal))) {
                if (corpus.stream().noneMatch(text -> text.contains(part))) {
                    problems.add(e.where() + ": \"" + literal + "\""
                            + (part.equals(literal) ? "" : " (looked for its part \"" + part + "\")")
                            + " occurs in no main source, Messages.properties or the sandbox"
                            + (PARTS.containsKey(literal) ? ""
                                    : "; if the code builds it from parts, list it in PARTS"));
                }
            }
        }
        assertThat(problems).as("expected messages that no longer exist").isEmpty();
        List<String> literals = expected.stream().map(Expected::literal).toList();
        assertThat(OWN.keySet()).as("OWN entries no plugin test expects any more").allMatch(literals::contains);
        assertThat(PARTS.keySet().stream().filter(literals::contains).count()).as("PARTS entries in use")
                .isGreaterThan(20);
    }

    /** Every positive expectation with a literal argument in the plugin's tests. */
    static List<Expected> expected() {
        List<Expected> found = new ArrayList<>();
        for (Path file : files(Docs.root().resolve("plugin/src/test/java"), ".java")) {
            String source = Docs.read(file);
            String structure = blankStrings(stripComments(source));
            Matcher call = CALL.matcher(structure);
            while (call.find()) {
                int statement = statementStart(structure, call.start());
                if (NEGATIVE.matcher(structure.substring(statement, call.start())).find()
                        || negatedAfter(structure, statement, call.start())) {
                    continue;
                }
                int end = argumentsEnd(structure, call.end());
                Matcher literal = JAVA_STRING.matcher(source.substring(call.end(), end));
                while (literal.find()) {
                    String value = unescape(literal.group(1));
                    if (!value.isBlank()) {
                        int line = (int) source.substring(0, call.end()).chars().filter(c -> c == '\n').count() + 1;
                        found.add(new Expected(value, Docs.root().relativize(file) + ":" + line));
                    }
                }
            }
        }
        return found;
    }

    /** The texts a message may come from: main sources (raw and their decoded string literals), properties. */
    static List<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (String module : List.of("plugin/src/main", "client/src/main", "sandbox/src/main")) {
            for (Path file : files(Docs.root().resolve(module), "")) {
                String text = Docs.read(file);
                texts.add(text);
                if (file.toString().endsWith(".java")) {
                    Matcher literal = JAVA_STRING.matcher(stripComments(text));
                    while (literal.find()) {
                        texts.add(unescape(literal.group(1)));
                    }
                } else if (file.toString().endsWith(".properties")) {
                    text.lines().map(l -> l.substring(l.indexOf('=') + 1)).map(PluginTestMessagesTest::property)
                            .forEach(texts::add);
                }
            }
        }
        return texts;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A properties value as MessageFormat renders it: \\uXXXX decoded, '' a quote, '{' a brace. */
    static String property(String value) {
        return unescape(value).replace("'{'", "{").replace("'}'", "}").replace("''", "'");
    }

    static String unescape(String java) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c != '\\' || i + 1 == java.length()) {
                out.append(c);
                continue;
            }
            char next = java.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(java.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** The source with comments blanked out, same length (so offsets stay those of the source). */
    private static String stripComments(String java) {
        Matcher comment = COMMENT.matcher(java);
        StringBuilder out = new StringBuilder(java);
        while (comment.find()) {
            if (comment.group(1) != null) {
                continue; // a string literal: kept, so a "//" inside it is no comment
            }
            for (int i = comment.start(); i < comment.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    /** The source with the contents of string literals replaced (same length), so braces in them do not count. */
    private static String blankStrings(String java) {
        Matcher literal = JAVA_STRING.matcher(java);
        StringBuilder out = new StringBuilder(java);
        while (literal.find()) {
            for (int i = literal.start(1); i < literal.end(1); i++) {
                out.setCharAt(i, 'x');
            }
        }
        return out.toString();
    }

    private static int statementStart(String structure, int from) {
        int i = from;
        while (i > 0 && ";{}".indexOf(structure.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    /**
     * AssertJ's negative form: the call sits inside {@code assertThat(…)} whose chain ends in
     * {@code isFalse()}, as in {@code assertThat(log.contains("x")).as(…).isFalse()}. Only the
     * innermost {@code assertThat} around the call counts, so {@code assertThat(log).contains("a")
     * .doesNotContain("b")} still expects "a".
     */
    private static boolean negatedAfter(String structure, int statement, int call) {
        int depth = 0;
        for (int i = call - 1; i >= statement; i--) {
            char c = structure.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    if (structure.startsWith("assertThat(", i - "assertThat".length())) {
                        int end = argumentsEnd(structure, i + 1);
                        int statementEnd = structure.indexOf(';', end);
                        String chain = structure.substring(end, statementEnd < 0 ? structure.length() : statementEnd);
                        return ASSERTJ_NEGATIVE.matcher(chain).find();
                    }
                } else {
                    depth--;
                }
            }
        }
        return false;
    }

    private static int argumentsEnd(String structure, int from) {
        int depth = 1;
        int i = from;
        while (i < structure.length() && depth > 0) {
            char c = structure.charAt(i++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return i - 1;
    }
}
