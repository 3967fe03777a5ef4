package io.jenkins.plugins.openchoreo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * What an image update keeps: a {@link RichWorkload} is seeded, once under the guide's name
 * ({@code <component>}) and once under the convention ({@code <component>-workload}); then the
 * guide's script and the CLI each deploy a new image, and every field is compared.
 */
final class FieldSurvival {

    static final String NEW_IMAGE = "registry.example.com/bench/rich:2";

    /** One tool on one seeded Workload: the Workload that now has the new image, and how many the component has. */
    record Case(String title, ObjectNode seeded, ObjectNode updated, int workloadsOfComponent, List<String> names) {
    }

    private final Sandbox sandbox;
    private final SeedScript script;
    private final CliDeploys cli;

    FieldSurvival(Sandbox sandbox, SeedScript script, CliDeploys cli) {
        this.sandbox = sandbox;
        this.script = script;
        this.cli = cli;
    }

    List<Case> run() {
        List<Case> cases = new ArrayList<>();
        cases.add(one("guide's script, Workload `<c>`", "rich-gh-a", false, true));
        cases.add(one("guide's script, Workload `<c>-workload`", "rich-gh-b", true, true));
        cases.add(one("CLI, Workload `<c>`", "rich-cli-a", false, false));
        cases.add(one("CLI, Workload `<c>-workload`", "rich-cli-b", true, false));
        return cases;
    }

    MarkdownTable table(List<Case> cases) {
        List<String> header = new ArrayList<>(List.of("field"));
        cases.forEach(c -> header.add(c.title()));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        table.row(cells("image updated", cases, c -> c.updated() != null ? "yes" : "**no**"));
        RichWorkload.FIELDS.forEach((label, pointer) -> table.row(cells(label, cases,
                c -> c.updated() == null ? "n/a" : RichWorkload.survival(c.seeded(), c.updated(), pointer))));
        table.row(cells("Workloads the component has after", cases, c -> c.workloadsOfComponent() == 1 ? "1"
                : "**" + c.workloadsOfComponent() + "** (" + String.join(", ", c.names()) + ")"));
        return table;
    }

    private Case one(String title, String component, boolean conventionalName, boolean viaScript) {
        String name = conventionalName ? component + "-workload" : component;
        sandbox.addComponent("default", EngineDeploys.PROJECT, component);
        ObjectNode seeded = RichWorkload.of(name, EngineDeploys.PROJECT, component);
        sandbox.putWorkload("default", seeded);
        String run = "run-" + component;
        ObjectNode workflowRun = seeded.objectNode();
        workflowRun.putObject("metadata").put("name", run);
        sandbox.putWorkflowRun("default", workflowRun);
        if (viaScript) {
            script.deploy(EngineDeploys.PROJECT, component, NEW_IMAGE, run);
        } else {
            cli.deploy(EngineDeploys.PROJECT, component, NEW_IMAGE, run);
        }
        List<ObjectNode> owned = sandbox.workloads("default").stream()
                .filter(w -> component.equals(w.path("spec").path("owner").path("componentName").asText()))
                .toList();
        ObjectNode updated = owned.stream()
                .filter(w -> NEW_IMAGE.equals(w.path("spec").path("container").path("image").asText()))
                .findFirst().orElse(null);
        return new Case(title, seeded, updated, owned.size(),
                owned.stream().map(w -> w.path("metadata").path("name").asText()).toList());
    }

    private static Object[] cells(String label, List<Case> cases, java.util.function.Function<Case, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        cases.forEach(c -> row.add(cell.apply(c)));
        return row.toArray();
    }
}
