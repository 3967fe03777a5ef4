package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox in the test JVM on loopback, with component default/shop/greeter, and the environment
 * to reach it. As a static {@code @RegisterExtension} field: one per test class, reset before each test.
 */
final class SandboxUnderTest implements BeforeEachCallback, AfterAllCallback {

    static final String PROJECT = "shop";
    static final String COMPONENT = "greeter";
    /** An image the tests deploy to the component. */
    static final String IMAGE = "registry.example.com/greeter:1";

    final Sandbox sandbox = Sandbox.builder().start();
    final SandboxClient client = sandbox.defaultClient();

    SandboxUnderTest() {
        sandbox.addComponent("default", PROJECT, COMPONENT);
    }

    /** URLs and the default client's credentials, as a CI job would set them; the token URL is discovered. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENCHOREO_API_URL", sandbox.apiUrl().toString());
        env.put("OPENCHOREO_CLIENT_ID", client.clientId());
        env.put("OPENCHOREO_CLIENT_SECRET", client.secret());
        env.put("OPENCHOREO_PROJECT", PROJECT);
        env.put("OPENCHOREO_COMPONENT", COMPONENT);
        return env;
    }

    Map<String, String> env(String name, String value) {
        Map<String, String> env = env();
        env.put(name, value);
        return env;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
        sandbox.addComponent("default", PROJECT, COMPONENT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.close();
    }
}
