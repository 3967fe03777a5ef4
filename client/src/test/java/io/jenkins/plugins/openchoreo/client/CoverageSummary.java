package io.jenkins.plugins.openchoreo.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints the JaCoCo totals of a module, so the build log carries the coverage figure. */
public final class CoverageSummary {

    private CoverageSummary() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        if (!Files.isRegularFile(csv)) {
            System.out.println("[coverage] no JaCoCo report at " + csv + " (tests skipped?)");
            return;
        }
        long[] totals = new long[6];
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
            totals[0] += Long.parseLong(f[5]);
            totals[1] += Long.parseLong(f[6]);
            totals[2] += Long.parseLong(f[7]);
            totals[3] += Long.parseLong(f[8]);
            totals[4] += Long.parseLong(f[3]);
            totals[5] += Long.parseLong(f[4]);
        }
        System.out.printf(Locale.ROOT,
                "[coverage] %s: branches %.1f%% (%d/%d), lines %.1f%% (%d/%d), instructions %.1f%%%n",
                args.length > 1 ? args[1] : "module",
                percent(totals[1], totals[0]), totals[1], totals[0] + totals[1],
                percent(totals[3], totals[2]), totals[3], totals[2] + totals[3],
                percent(totals[5], totals[4]));
    }

    private static double percent(long covered, long missed) {
        long all = covered + missed;
        return all == 0 ? 100.0 : 100.0 * covered / all;
    }
}
