package io.jenkins.plugins.openchoreo.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the figures were measured on: processors, the JVM, the operating system. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String nproc = ProcessRun.run(List.of("nproc"), null, Map.of()).firstLine();
        String javaVersion = ProcessRun.run(List.of(java(), "-version"), null, Map.of()).output().lines()
                .map(String::trim).collect(Collectors.joining("; "));
        return "nproc " + nproc + "; " + javaVersion + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    /** The 1, 5 and 15 minute load averages: figures taken while other work runs are not comparable. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** What {@code uptime} prints: the time, how long the machine has run, and the load averages. */
    static String uptime() {
        try {
            return ProcessRun.run(List.of("uptime"), null, Map.of()).firstLine();
        } catch (RuntimeException e) {
            return "load average " + loadAverage();
        }
    }

    static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
