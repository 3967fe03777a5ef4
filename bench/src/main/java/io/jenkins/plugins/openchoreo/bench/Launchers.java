package io.jenkins.plugins.openchoreo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Javas the {@code cli/openchoreo} launcher has a start-up archive for: the build names each
 * archive after the version of the JVM that made it ({@code openchoreo-cli-java25.0.3.aot}); the
 * JDK with that version is looked for among this JVM and the JDKs under /usr/lib/jvm.
 */
final class Launchers {

    private static final Pattern ARCHIVE = Pattern.compile("openchoreo-cli-java(.+)\\.(aot|jsa)");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

    private Launchers() {
    }

    /** A JDK the launcher has an archive for, and which kind. */
    record Target(Path javaHome, String version, String archive) {

        String label() {
            return "`cli/openchoreo`, Java " + version + " (" + (archive.equals("aot") ? "AOT cache" : "CDS archive")
                    + ")";
        }
    }

    static List<Target> beside(Path jar) {
        List<Target> targets = new ArrayList<>();
        try (Stream<Path> files = Files.list(jar.toAbsolutePath().getParent())) {
            for (Path file : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                Matcher m = ARCHIVE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    jdk(m.group(1)).ifPresent(home -> targets.add(new Target(home, m.group(1), m.group(2))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    /** The home of the JDK whose release file says this version. */
    private static Optional<Path> jdk(String version) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.filter(home -> !Files.isSymbolicLink(home)).forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream().filter(home -> version.equals(version(home)))
                .filter(home -> Files.isExecutable(home.resolve("bin/java"))).findFirst();
    }

    static String version(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
