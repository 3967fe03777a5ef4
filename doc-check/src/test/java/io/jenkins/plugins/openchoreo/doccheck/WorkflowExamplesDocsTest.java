package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows of docs/ use only inputs their triggers give (issue 18, point 2):
 * {@code inputs.X} (or {@code github.event.inputs.X}) must be declared under
 * {@code on.workflow_dispatch.inputs} or {@code on.workflow_call.inputs}, and may not be required
 * when another event (a push, which has no inputs) also starts the workflow.
 */
class WorkflowExamplesDocsTest {

    private static final Pattern INPUT = Pattern
            .compile("\\$\\{\\{\\s*(?:github\\.event\\.)?inputs\\.([A-Za-z0-9_-]+)");
    private static final Set<String> WITH_INPUTS = Set.of("workflow_dispatch", "workflow_call");

    @Test
    void everyInputAWorkflowReadsIsOneItsEventsGive() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> broken = new ArrayList<>();
        int workflows = 0;
        for (String file : DocPages.all()) {
            for (Docs.Block block : Docs.blocks(Docs.page(file))) {
                if (!block.language().equals("yaml")) {
                    continue;
                }
                JsonNode doc = yaml.readTree(block.text());
                if (doc == null || !doc.has("jobs") || !doc.has("on")) {
                    continue;
                }
                workflows++;
                JsonNode on = doc.get("on");
                Set<String> events = new HashSet<>();
                Set<String> declared = new HashSet<>();
                Set<String> required = new HashSet<>();
                if (on.isTextual()) {
                    events.add(on.asText());
                } else if (on.isArray()) {
                    on.forEach(e -> events.add(e.asText()));
                } else {
                    on.fieldNames().forEachRemaining(events::add);
                    for (String event : WITH_INPUTS) {
                        on.path(event).path("inputs").properties().forEach(input -> {
                            declared.add(input.getKey());
                            if (input.getValue().path("required").asBoolean(false)) {
                                required.add(input.getKey());
                            }
                        });
                    }
                }
                boolean otherEvents = events.stream().anyMatch(e -> !WITH_INPUTS.contains(e));
                Matcher used = INPUT.matcher(block.text());
                while (used.find()) {
                    String name = used.group(1);
                    String where = file + " line " + block.line() + ": inputs." + name;
                    if (!declared.contains(name)) {
                        broken.add(where + " is read, but the workflow's events " + events + " declare no such input");
                    } else if (otherEvents && required.contains(name)) {
                        broken.add(where + " is required, but " + events + " also start the workflow without it");
                    }
                }
            }
        }
        assertThat(workflows).as("GitHub Actions workflows found in docs/").isPositive();
        assertThat(broken).as("workflow inputs the triggering events do not give").isEmpty();
    }
}
