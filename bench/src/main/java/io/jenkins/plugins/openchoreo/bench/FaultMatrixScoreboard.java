package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.client.faults.FaultKind;
import io.jenkins.plugins.openchoreo.client.faults.FaultMatrix;
import io.jenkins.plugins.openchoreo.client.faults.Operation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault matrix's scoreboard: every fault of the sandbox on every call of a deploy (the client's
 * {@link FaultMatrix}, whose test asserts each scenario), tallied: how many ended as the matrix
 * expects, succeeded after retry or failed with a typed error and a hint, Workload fields lost,
 * secrets leaked, and how long a scenario took. Runs on a sandbox of its own.
 */
final class FaultMatrixScoreboard {

    private int scenarios;
    private int asExpected;
    private int succeeded;
    private int failedClearly;
    private int lostFields;
    private int leakedSecrets;
    private final List<Double> millis = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    void add(FaultMatrix.Run run) {
        scenarios++;
        lostFields += run.lost();
        leakedSecrets += run.leaks();
        millis.add(run.elapsed().toNanos() / 1e6);
        if (!run.asExpected()) {
            unexpected.add(run.kind() + " on " + run.op());
        } else if (run.expected().success()) {
            asExpected++;
            succeeded++;
        } else {
            asExpected++;
            failedClearly++;
        }
    }

    static FaultMatrixScoreboard run(PrintStream log) throws Exception {
        FaultMatrixScoreboard board = new FaultMatrixScoreboard();
        try (FaultMatrix matrix = FaultMatrix.start()) {
            for (FaultKind kind : FaultKind.values()) {
                for (Operation op : Operation.values()) {
                    board.add(matrix.run(kind, op));
                }
            }
        }
        log.println(board.line());
        return board;
    }

    /** The figures in one line, as the fault matrix's test once printed them. */
    String line() {
        return String.format(
                "[fault-matrix] scenarios %d, as expected %d, succeeded after retry %d, failed clearly %d, "
                        + "lost fields %d, leaked secrets %d",
                scenarios, asExpected, succeeded, failedClearly, lostFields,
                leakedSecrets);
    }

    MarkdownTable table() {
        return new MarkdownTable("scenarios", "as expected", "succeeded after retry", "failed clearly (typed error, "
                + "hint)", "not as expected", "lost fields", "leaked secrets", "p50 ms", "max ms")
                .row(scenarios, asExpected, succeeded, failedClearly, unexpected.isEmpty() ? "0"
                        : unexpected.size() + ": " + String.join(", ", unexpected), lostFields, leakedSecrets,
                        Samples.millis(Percentiles.of(millis, 50)), Samples.millis(Percentiles.of(millis, 100)));
    }
}
