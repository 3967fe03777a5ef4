package io.jenkins.plugins.openchoreo.cli;

import java.util.Map;

/**
 * Where the command reads secrets from (never from arguments): the process environment,
 * replaceable so tests can run the command in-process too. Option defaults come from
 * {@code OPENCHOREO_*} variables through picocli's own {@code ${env:…}} defaults.
 */
final class Environment {

    private static volatile Map<String, String> env = System.getenv();

    private Environment() {}

    static void set(Map<String, String> values) {
        env = Map.copyOf(values);
    }

    static String get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
