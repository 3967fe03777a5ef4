package io.jenkins.plugins.openchoreo.client.api;

/** What {@code GET /version} reports; fields the server leaves out are null. */
public record ServerVersion(String name, String version, String gitRevision) {

    @Override
    public String toString() {
        return (name == null ? "openchoreo-api" : name) + " " + (version == null ? "(version unknown)" : version)
                + (gitRevision == null ? "" : " (" + gitRevision + ")");
    }
}
