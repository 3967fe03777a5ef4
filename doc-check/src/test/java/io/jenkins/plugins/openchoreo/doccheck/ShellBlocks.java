package io.jenkins.plugins.openchoreo.doccheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a page that states a sandbox set-up, as ShellBlocksIT runs them. A page
 * states its set-up with blocks marked {@code <!-- setup: … -->}: the one that starts the CLI's
 * {@code sandbox} runs in the background and its printed {@code export} lines become every later
 * block's environment; the others are run at the start of every later block (exports, PATH). Every
 * other shell block runs as written, in page order, each in its own bash; a block right after it
 * marked {@code <!-- output … -->} is its expected stdout.
 */
final class ShellBlocks {

    static final Set<String> SHELL = Set.of("sh", "bash", "shell");
    static final String SETUP = "setup: ";
    static final String OUTPUT = "output";

    /** What a run may print differently each time: request ids, durations, instants. */
    private static final List<Pattern> VOLATILE = List.of(
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("\\b\\d+(?= ms\\b)"),
            Pattern.compile("(?<=\"durationMillis\" : )\\d+"),
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"));

    private ShellBlocks() {}

    /** One block to run: its text, whether it is set-up, and the output shown after it (or null). */
    record Step(Docs.Block block, boolean setup, boolean startsSandbox, Docs.Block output) {

        String where(String page) {
            return "docs/" + page + " line " + block.line();
        }
    }

    static boolean isShell(Docs.Block block) {
        return SHELL.contains(block.language());
    }

    static boolean isSetup(Docs.Block block) {
        return block.marker() != null && block.marker().startsWith(SETUP);
    }

    static boolean isOutput(Docs.Block block) {
        return block.marker() != null && block.marker().startsWith(OUTPUT);
    }

    /** Whether a block starts the sandbox: a command line of the CLI whose subcommand is sandbox. */
    static boolean startsSandbox(Docs.Block block) {
        return CliDocsTest.commandLinesOf(block.text()).stream().anyMatch(line -> {
            Matcher command = CliDocsTest.COMMAND_LINE.matcher(line);
            return command.matches() && command.group(1) != null
                    && ShellWords.split(command.group(1)).get(0).equals("sandbox");
        });
    }

    /** The pages of docs/ that state a set-up: their shell blocks are run. */
    static List<String> pagesWithSetup() {
        return DocPages.all().stream().filter(page -> Docs.blocks(Docs.page(page)).stream()
                .anyMatch(ShellBlocks::isSetup)).toList();
    }

    /** The steps of a page, in order. */
    static List<Step> steps(String page) {
        List<Docs.Block> blocks = Docs.blocks(Docs.page(page));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Docs.Block block = blocks.get(i);
            if (!isShell(block)) {
                continue;
            }
            Docs.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            steps.add(new Step(block, isSetup(block), isSetup(block) && startsSandbox(block),
                    next != null && isOutput(next) ? next : null));
        }
        return steps;
    }

    /** Text with what differs from run to run replaced, each line without trailing blanks. */
    static List<String> comparable(String text) {
        String result = text;
        for (Pattern pattern : VOLATILE) {
            result = pattern.matcher(result).replaceAll("…");
        }
        return result.strip().lines().map(String::stripTrailing).toList();
    }
}
