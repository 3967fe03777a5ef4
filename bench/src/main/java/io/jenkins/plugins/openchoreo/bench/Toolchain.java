package io.jenkins.plugins.openchoreo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * curl and jq for the guide's script: found on the PATH, else installed from Debian packages
 * ({@code apt-get install -y curl jq}, through sudo when not root), and their versions.
 */
final class Toolchain {

    private Toolchain() {
    }

    /** Makes sure curl, jq and bash are there; returns the versions, or throws with what is missing. */
    static String ensureCurlAndJq(java.io.PrintStream log) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            log.println("Installing " + String.join(" ", missing) + " with apt-get");
            List<String> install = new ArrayList<>();
            if (!"0".equals(ProcessRun.run(List.of("id", "-u"), null, Map.of()).firstLine())) {
                install.addAll(List.of("sudo", "-n"));
            }
            install.addAll(List.of("apt-get", "install", "-y", "-q", "curl", "jq"));
            ProcessRun.run(install, null, Map.of("DEBIAN_FRONTEND", "noninteractive"))
                    .requireSuccess("apt-get install");
            if (!missing().isEmpty()) {
                throw new IllegalStateException("Still missing after apt-get: " + missing());
            }
        }
        return version("curl", "--version") + "; " + version("jq", "--version") + "; "
                + version("bash", "--version");
    }

    static String version(String tool, String flag) {
        return ProcessRun.run(List.of(tool, flag), null, Map.of()).firstLine();
    }

    private static List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("curl", "jq", "bash")) {
            if (ProcessRun.run(List.of("sh", "-c", "command -v " + tool), null, Map.of()).exitCode() != 0) {
                missing.add(tool);
            }
        }
        return missing;
    }
}
