package io.jenkins.plugins.openchoreo.sandbox;

/** A client registered with the sandbox's identity provider. */
public record SandboxClient(String clientId, String secret, AuthMethod method, Role role) {

    @Override
    public String toString() {
        return "SandboxClient[" + clientId + ", " + method + ", " + role + "]";
    }
}
