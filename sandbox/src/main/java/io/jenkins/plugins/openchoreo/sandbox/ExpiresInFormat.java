package io.jenkins.plugins.openchoreo.sandbox;

/** How the token endpoint writes {@code expires_in}: providers differ. */
public enum ExpiresInFormat {
    NUMBER, STRING, MISSING
}
