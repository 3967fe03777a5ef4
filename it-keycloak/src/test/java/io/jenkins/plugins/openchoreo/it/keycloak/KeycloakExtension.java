package io.jenkins.plugins.openchoreo.it.keycloak;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Hands tests the one {@link Keycloak} of the run: started on first use, stopped when the run
 * ends (the root store closes it, also after failures), with the log's end shown for a failed test.
 */
final class KeycloakExtension implements ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Keycloak.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Keycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Keycloak.class, k -> Keycloak.start(),
                Keycloak.class);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        Keycloak keycloak = running(context);
        if (keycloak != null) {
            keycloak.passed();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Keycloak keycloak = running(context);
        if (keycloak != null) {
            keycloak.failed(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
        }
    }

    private static Keycloak running(ExtensionContext context) {
        try {
            return context.getRoot().getStore(NAMESPACE).get(Keycloak.class, Keycloak.class);
        } catch (RuntimeException e) {
            // Keycloak did not start: the failure already says why.
            return null;
        }
    }
}
