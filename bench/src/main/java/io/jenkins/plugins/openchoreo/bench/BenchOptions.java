package io.jenkins.plugins.openchoreo.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code [--cli JAR] [--baseline DIR] [--out FILE|--no-write] [--latencies 0,50] [--reps N]
 * [--tool-reps N] [--sequential N]}. {@code --baseline} names a built checkout of an earlier commit
 * whose CLI is measured beside this one ("before").
 */
record BenchOptions(Path cliJar, Path baseline, Path out, List<Long> latencies, int repetitions, int toolRepetitions,
        int sequential) {

    static BenchOptions parse(String... args) {
        Path cli = Path.of("cli/target/openchoreo-cli.jar");
        Path baseline = null;
        Path out = Path.of("docs/performance.md");
        List<Long> latencies = List.of(0L, 50L);
        int reps = 40;
        int toolReps = 10;
        int sequential = 50;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-write")) {
                out = null;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--cli" -> cli = Path.of(value);
                case "--baseline" -> baseline = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--latencies" -> latencies = Arrays.stream(value.split(",")).map(String::trim)
                        .map(Long::valueOf).toList();
                case "--reps" -> reps = positive(arg, value);
                case "--tool-reps" -> toolReps = positive(arg, value);
                case "--sequential" -> sequential = positive(arg, value);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new BenchOptions(cli, baseline, out, latencies, reps, toolReps, sequential);
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return number;
    }
}
