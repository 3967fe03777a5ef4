package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.cli.ConnectionOptions;
import io.jenkins.plugins.openchoreo.cli.ExitCodes;
import io.jenkins.plugins.openchoreo.cli.Main;
import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md against the CLI's picocli model ({@code new CommandLine(new OpenChoreoCommand())},
 * configured as Main runs it): every option of every subcommand, every environment variable, every
 * example command line, the exit codes.
 */
class CliDocsTest {

    /** Where the options of each mixin are documented, by the mixin's field name in the commands. */
    static final Map<String, String> MIXIN_SECTIONS = Map.of("connection", "Connection options",
            "outputOptions", "Output options", "waiting", "Wait options");

    /** Mixins whose options each command documents in its own section, by the mixin's field name. */
    static final Set<String> OWN_SECTION_MIXINS = Set.of("target");

    static final Pattern COMMAND_LINE = Pattern.compile(
            "^(?:openchoreo|java\\s+(?:-\\S+\\s+)*-jar\\s+\\S*openchoreo-cli\\.jar)(?:\\s+(.*))?$");

    private static final String PAGE = "cli.md";

    static CommandLine commandLine() {
        return Main.commandLine();
    }

    @Test
    void everyOptionOfEverySubcommandIsDocumentedInItsSection() {
        String page = Docs.page(PAGE);
        Set<String> missing = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, CommandLine> sub : commandLine().getSubcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            String section = Docs.section(page, "openchoreo " + sub.getKey());
            Map<String, String> mixinOf = new LinkedHashMap<>();
            spec.mixins().forEach((name, mixin) -> mixin.options().forEach(o -> mixinOf.put(o.longestName(), name)));
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String name = option.longestName();
                String mixin = mixinOf.get(name);
                if (mixin != null && !OWN_SECTION_MIXINS.contains(mixin)) {
                    String title = MIXIN_SECTIONS.get(mixin);
                    assertThat(title).as("a docs section for the options of mixin " + mixin).isNotNull();
                    if (!Docs.mentions(Docs.section(page, title), name)) {
                        missing.add(name + " (in \"" + title + "\")");
                    }
                    if (!section.toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) {
                        missing.add("a mention of \"" + title + "\" in the section of openchoreo " + sub.getKey());
                    }
                } else if (!Docs.mentions(section, name)) {
                    missing.add(name + " (in the section of openchoreo " + sub.getKey() + ")");
                }
            }
        }
        assertThat(missing).as("CLI options missing from docs/cli.md").isEmpty();
    }

    /** Every environment variable the CLI reads, from the options' ${env:…} defaults and the secrets. */
    static Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>(List.of(ConnectionOptions.CLIENT_ID, ConnectionOptions.CLIENT_SECRET,
                ConnectionOptions.TOKEN, ConnectionOptions.PROXY_PASSWORD));
        Pattern env = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");
        CommandLine raw = commandLine().setInterpolateVariables(false); // keeps "${env:NAME}" as written
        for (CommandLine sub : raw.getSubcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                String defaultValue = option.defaultValue();
                if (defaultValue != null) {
                    Matcher m = env.matcher(defaultValue);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyEnvironmentVariableIsDocumentedAndNoOtherIsNamed() {
        Set<String> read = environmentVariables();
        assertThat(read).as("sanity: the model has env defaults").hasSizeGreaterThan(10);
        String page = Docs.page(PAGE);
        List<String> undocumented = read.stream().filter(n -> !Docs.mentions(page, n)).toList();
        assertThat(undocumented).as("environment variables the CLI reads, missing from docs/cli.md").isEmpty();

        // Any OPENCHOREO_* name in any page (examples for GitHub Actions, GitLab CI…) must be one the CLI reads.
        List<String> unknown = new ArrayList<>();
        for (String file : DocPages.all()) {
            Matcher m = Pattern.compile("\\bOPENCHOREO_[A-Z0-9_]+").matcher(Docs.page(file));
            while (m.find()) {
                if (!read.contains(m.group())) {
                    unknown.add(file + ": " + m.group());
                }
            }
        }
        assertThat(unknown).as("OPENCHOREO_* names in docs/ that the CLI does not read").isEmpty();
    }

    /** The command lines of all fenced blocks of a page: continuations joined, list and run: prefixes removed. */
    static List<String> commandLines(String text) {
        List<String> lines = new ArrayList<>();
        for (Docs.Block block : Docs.blocks(text)) {
            lines.addAll(commandLinesOf(block.text()));
        }
        return lines;
    }

    static List<String> commandLinesOf(String blockText) {
        List<String> lines = new ArrayList<>();
        String joined = blockText.replaceAll("\\\\\\r?\\n\\s*", " ");
        for (String raw : joined.split("\\R")) {
            String line = raw.trim().replaceFirst("^- ", "").replaceFirst("^run:\\s*", "").replaceFirst("^\\$ ", "")
                    .trim();
            if (COMMAND_LINE.matcher(line).matches()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void everyExampleCommandLineParses() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String file : DocPages.all()) {
            for (String line : commandLines(Docs.page(file))) {
                Matcher m = COMMAND_LINE.matcher(line);
                assertThat(m.matches()).isTrue();
                String rest = m.group(1) == null ? "" : m.group(1);
                // The shell's part ends the command line: a redirection (2>&1, > file), a pipe, || or ;.
                List<String> args = ShellWords.split(rest.replaceAll("\\s+\\d*>.*$", "")
                        .replaceAll("\\s*[|&;>].*$", ""));
                try {
                    commandLine().parseArgs(args.toArray(String[]::new));
                    checked++;
                } catch (CommandLine.ParameterException | IllegalArgumentException e) {
                    failures.add(file + ": " + line + "\n    → " + e.getMessage());
                }
            }
        }
        assertThat(failures).as("command lines in docs/ that the CLI rejects").isEmpty();
        assertThat(checked).as("command lines found and checked").isGreaterThanOrEqualTo(8);
    }

    @Test
    void theExitCodeTableMatchesTheErrorClasses() {
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(ExitCodes.OK, "success");
        expected.put(ExitCodes.UNEXPECTED, "unexpected");
        for (ErrorCategory category : ErrorCategory.values()) {
            expected.put(category.exitCode(), category.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        Map<Integer, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*(\\d+)\\s*\\|\\s*([^|]*?)\\s*\\|")
                .matcher(Docs.section(Docs.page(PAGE), "Exit codes"));
        while (row.find()) {
            documented.put(Integer.valueOf(row.group(1)), row.group(2));
        }
        assertThat(documented).as("docs/cli.md's exit code table (code → class)").isEqualTo(expected);
    }

    /**
     * The build command at the top of docs/cli.md: {@code -pl} names a module of the root pom.xml,
     * {@code -am} builds what it needs, and the jar it points at is that module's shaded finalName.
     */
    @Test
    void theBuildCommandBuildsTheJarItNames() {
        Docs.Block shown = Docs.marked(PAGE, "check: the build command");
        Matcher command = Pattern.compile("^\\./mvnw\\s+(.*?)\\s+#\\s*→\\s*(\\S+)/target/(\\S+)\\.jar\\s*$")
                .matcher(shown.text().strip());
        assertThat(command.matches()).as("docs/cli.md line " + shown.line() + ": ./mvnw … # → module/target/name.jar")
                .isTrue();
        List<String> args = ShellWords.split(command.group(1));
        String module = command.group(2);
        assertThat(args).as("the Maven arguments").contains("-am", "package").containsSubsequence("-pl", module);
        assertThat(Docs.read(Docs.root().resolve("pom.xml"))).as("the root pom.xml's modules")
                .contains("<module>" + module + "</module>");
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(Docs.read(Docs.root().resolve(module).resolve("pom.xml")));
        assertThat(finalName.find()).as(module + "/pom.xml names its jar").isTrue();
        assertThat(command.group(3)).as("the jar's name").isEqualTo(finalName.group(1));
    }

    @Test
    void thePromoteJsonOutputShownHasTheKeysTheCliPrints() throws Exception {
        Set<String> keys = shownKeys("check: openchoreo promote --output json");
        Set<String> expected = new TreeSet<>(PluginDocsTest.resultMapKeys(
                io.jenkins.plugins.openchoreo.client.promote.PromoteResult.class));
        expected.add("releaseBinding"); // PromoteResult.toJson(): the map's keys plus the binding sent
        assertThat(keys).as("top-level keys of the promote JSON shown in docs/cli.md").isEqualTo(expected);
    }

    @Test
    void theJsonOutputShownHasTheKeysTheCliPrints() throws Exception {
        Set<String> keys = shownKeys("output: openchoreo deploy --output json");
        Set<String> expected = new TreeSet<>(PluginDocsTest.resultMapKeys());
        expected.add("workload"); // DeployResult.toJson(): the map's keys plus the Workload sent
        assertThat(keys).as("top-level keys of the JSON shown in docs/cli.md").isEqualTo(expected);
    }

    /** The top-level keys of the JSON block under {@code marker} in docs/cli.md. */
    private static Set<String> shownKeys(String marker) throws Exception {
        Set<String> keys = new TreeSet<>();
        io.jenkins.plugins.openchoreo.client.json.Json.MAPPER.readTree(Docs.marked(PAGE, marker).text()).fieldNames()
                .forEachRemaining(keys::add);
        return keys;
    }
}
