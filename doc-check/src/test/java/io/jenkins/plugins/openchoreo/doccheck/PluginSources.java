package io.jenkins.plugins.openchoreo.doccheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin's argument and field names, read from its Java sources as text. A regex, not the
 * compiler: plugin/ needs repo.jenkins-ci.org to compile, which this build may not reach. What it
 * reads is Stapler's data binding: the parameters of the {@code @DataBoundConstructor} and the
 * {@code setX} methods annotated {@code @DataBoundSetter} (including those of a superclass in the
 * same package).
 */
final class PluginSources {

    static final String PACKAGE = "plugin/src/main/java/io/jenkins/plugins/openchoreo/";

    private static final String ANNOTATIONS = "(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*";
    private static final Pattern CONSTRUCTOR = Pattern.compile(
            "@DataBoundConstructor\\s+" + ANNOTATIONS + "public\\s+\\w+\\s*\\(([^)]*)\\)");
    private static final Pattern SETTER = Pattern.compile(
            "@DataBoundSetter\\s+" + ANNOTATIONS + "public\\s+(?:synchronized\\s+)?void\\s+set(\\w+)\\s*\\(");
    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+\\w+\\s+extends\\s+(\\w+)");

    private PluginSources() {}

    static Path source(String className) {
        return Docs.root().resolve(PACKAGE + className + ".java");
    }

    /** The names the class binds, constructor parameters first, in source order. */
    static Set<String> boundNames(String className) {
        Path file = source(className);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("plugin source not found: " + file);
        }
        String text = stripComments(Docs.read(file));
        Set<String> names = namesIn(text);
        Matcher parent = EXTENDS.matcher(text);
        if (parent.find() && Files.isRegularFile(source(parent.group(1)))) {
            names.addAll(boundNames(parent.group(1)));
        }
        return names;
    }

    /** The data-bound names declared in one Java source text (comments already removed or not). */
    static Set<String> namesIn(String java) {
        String text = stripComments(java);
        Set<String> names = new LinkedHashSet<>();
        Matcher constructor = CONSTRUCTOR.matcher(text);
        if (constructor.find() && !constructor.group(1).isBlank()) {
            for (String parameter : constructor.group(1).split(",")) {
                String[] words = parameter.trim().split("\\s+");
                names.add(words[words.length - 1]);
            }
        }
        Matcher setter = SETTER.matcher(text);
        while (setter.find()) {
            String name = setter.group(1);
            names.add(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
        }
        return names;
    }

    private static String stripComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }
}
