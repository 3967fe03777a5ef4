package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.descriptor.Descriptor;
import io.jenkins.plugins.openchoreo.client.descriptor.DescriptorReader;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workload.yaml example of docs/workload-descriptor.md is read by the engine's
 * DescriptorReader, and becomes the Workload JSON shown after it. Markers above the fences:
 * {@code <!-- file: path -->} a file a descriptor refers to (schemaFile, valueFrom.path);
 * {@code <!-- check: workload.yaml -->} a descriptor; {@code <!-- check: workload.json -->} the Workload
 * the previous descriptor becomes, for component {@value #COMPONENT} of project {@value #PROJECT} with
 * image {@value #IMAGE}.
 */
class DescriptorDocsTest {

    static final String PROJECT = "shop";
    static final String COMPONENT = "greeter";
    static final String IMAGE = "registry.example.com/greeter:42";

    @TempDir
    Path temp;

    @Test
    void everyDescriptorExampleIsReadAndBecomesTheWorkloadShown() throws IOException {
        List<Docs.Block> blocks = Docs.blocks(Docs.page("workload-descriptor.md"));
        List<String> failures = new ArrayList<>();
        List<Docs.Block> files = blocks.stream().filter(b -> b.marker() != null && b.marker().startsWith("file: "))
                .toList();
        int descriptors = 0;
        int compared = 0;
        Descriptor last = null;
        for (Docs.Block block : blocks) {
            String marker = block.marker() == null ? "" : block.marker();
            if (marker.equals("check: workload.yaml")) {
                descriptors++;
                Path root = Files.createDirectories(temp.resolve("example" + descriptors));
                for (Docs.Block file : files) {
                    Path target = root.resolve(file.marker().substring("file: ".length()).trim());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.text());
                }
                Files.writeString(root.resolve("workload.yaml"), block.text());
                try {
                    last = new DescriptorReader(new LocalWorkspaceFiles(root)).read("workload.yaml");
                    if (!last.warnings().isEmpty()) {
                        failures.add("line " + block.line() + ": warnings " + last.warnings());
                    }
                } catch (InvalidRequestException e) {
                    last = null;
                    failures.add("line " + block.line() + ": " + e.getMessage());
                }
            } else if (marker.equals("check: workload.json")) {
                if (last == null) {
                    failures.add("line " + block.line() + ": a workload.json with no readable workload.yaml before it");
                    continue;
                }
                compared++;
                JsonNode actual = last.overlay().applyTo(
                        Workload.minimal(COMPONENT + "-workload", PROJECT, COMPONENT, IMAGE).toJson());
                JsonNode shown = Json.MAPPER.readTree(block.text());
                if (!actual.equals(shown)) {
                    failures.add("line " + block.line() + ": the descriptor becomes\n" + Json.pretty(actual)
                            + "\nnot what the page shows");
                }
                last = null;
            }
        }
        assertThat(failures).as("docs/workload-descriptor.md examples").isEmpty();
        assertThat(descriptors).as("descriptor examples checked").isGreaterThanOrEqualTo(2);
        assertThat(compared).as("descriptor examples compared with their Workload").isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyYamlBlockOfThePageIsChecked() {
        List<String> unchecked = Docs.blocks(Docs.page("workload-descriptor.md")).stream()
                .filter(b -> b.language().equals("yaml") || b.language().equals("json"))
                .filter(b -> b.marker() == null
                        || !(b.marker().startsWith("check: ") || b.marker().startsWith("file: ")))
                .map(b -> "line " + b.line()).toList();
        assertThat(unchecked).as("yaml/json blocks in docs/workload-descriptor.md without a check marker").isEmpty();
    }
}
