package io.jenkins.plugins.openchoreo.client.descriptor;

import java.util.List;

/**
 * A workload.yaml read and converted: its normalised path, what it adds to the Workload, and the
 * warnings (unknown keys, duplicates) to show the user.
 */
public record Descriptor(String path, WorkloadOverlay overlay, List<String> warnings) {

    public Descriptor {
        warnings = List.copyOf(warnings);
    }
}
