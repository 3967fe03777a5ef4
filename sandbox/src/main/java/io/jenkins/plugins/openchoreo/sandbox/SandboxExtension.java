package io.jenkins.plugins.openchoreo.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For JUnit 5 tests (the engine's, the CLI's, the plugin's): one sandbox per test class, reset
 * before each test. Register it as a static field with {@code @RegisterExtension} and read it with
 * {@link #get()} (in a test instance, after it started). JUnit is an optional dependency of this
 * module, so programs that only run the sandbox never load this class.
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Sandbox.Builder builder;
    private Sandbox sandbox;

    public SandboxExtension() {
        this(Sandbox.builder());
    }

    public SandboxExtension(Sandbox.Builder builder) {
        this.builder = builder;
    }

    public Sandbox get() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox starts before the first test of the class");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = builder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.close();
        sandbox = null;
    }
}
