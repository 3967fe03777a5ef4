package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code block in docs/ is checked by some test or taken from a file, and every relative link
 * leads to a file of the repository.
 */
class DocsLinksAndBlocksTest {

    static final List<String> PAGES = List.of("README.md", "getting-started.md", "pipeline-step.md", "freestyle.md",
            "configuration-as-code.md", "workload-descriptor.md", "cli.md", "troubleshooting.md", "security.md",
            "migrating-from-scripts.md", "deploy-sequence.md", "from-build-to-production.md");

    @Test
    void thePagesExist() {
        assertThat(DocPages.all()).containsAll(PAGES);
    }

    /**
     * Checked: a Mermaid diagram (rendered, not run), a block with an openchoreoDeploy or openchoreoPromote call
     * (PluginDocsTest), with a CLI command line (CliDocsTest), or with a marker: {@code check: …}
     * naming the test that checks it (CliDocsTest, PluginDocsTest, RunOutputDocsTest,
     * QuotedGuideDocsTest, DescriptorDocsTest), {@code file: …} (DescriptorDocsTest) or
     * {@code source: …} (taken from a file or test); or, on a page that states a set-up, a shell
     * block (run by ShellBlocksIT) or the output shown after one ({@code output…}). There is no
     * "not checked" marker: every code example is taken from, or checked by, a test.
     */
    @Test
    void everyCodeBlockIsChecked() {
        List<String> unaccounted = new ArrayList<>();
        List<String> run = ShellBlocks.pagesWithSetup();
        for (String file : DocPages.all()) {
            List<Docs.Block> compared = run.contains(file) ? ShellBlocks.steps(file).stream()
                    .map(ShellBlocks.Step::output).filter(java.util.Objects::nonNull).toList() : List.of();
            for (Docs.Block block : Docs.blocks(Docs.page(file))) {
                String marker = block.marker() == null ? "" : block.marker();
                boolean accounted = block.language().equals("mermaid")
                        || !PluginDocsTest.stepCalls(block.text()).isEmpty()
                        || !CliDocsTest.commandLinesOf(block.text()).isEmpty()
                        || marker.startsWith("check: ") || marker.startsWith("file: ")
                        || marker.startsWith("source: ")
                        || run.contains(file) && ShellBlocks.isShell(block) || compared.contains(block);
                if (!accounted) {
                    unaccounted.add(file + " line " + block.line() + " (```" + block.language() + ")");
                }
            }
        }
        assertThat(unaccounted).as("code blocks no test checks").isEmpty();
    }

    @Test
    void sourceMarkersNameFilesThatExist() {
        List<String> missing = new ArrayList<>();
        for (String file : DocPages.all()) {
            for (Docs.Block block : Docs.blocks(Docs.page(file))) {
                if (block.marker() != null && block.marker().startsWith("source: ")) {
                    String path = block.marker().substring("source: ".length()).trim().split("\\s")[0];
                    if (!Files.exists(Docs.root().resolve(path))) {
                        missing.add(file + " line " + block.line() + ": " + path);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void relativeLinksLeadToExistingFiles() {
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        for (String file : DocPages.all()) {
            Matcher m = link.matcher(Docs.page(file));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                Path resolved = Docs.docs().resolve(target).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(file + ": " + target);
                }
            }
        }
        assertThat(broken).as("broken relative links in docs/").isEmpty();
    }
}
