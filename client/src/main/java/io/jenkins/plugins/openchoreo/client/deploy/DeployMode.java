package io.jenkins.plugins.openchoreo.client.deploy;

import java.util.Locale;

/**
 * How an existing Workload is updated. {@link #IMAGE_ONLY} changes the image and only the fields
 * the arguments name, keeping what the platform or a person set; {@link #REPLACE} sends the whole
 * Workload assembled from the descriptor and arguments. {@link #AUTO} is REPLACE with a
 * descriptor and IMAGE_ONLY without (what OpenChoreo's own CI does).
 */
public enum DeployMode {
    AUTO, IMAGE_ONLY, REPLACE;

    /** The mode for a deploy with or without a descriptor. */
    public DeployMode resolve(boolean hasDescriptor) {
        if (this != AUTO) {
            return this;
        }
        return hasDescriptor ? REPLACE : IMAGE_ONLY;
    }

    /** {@code auto}, {@code image-only}, {@code replace} (any case, '_' or '-'); blank is AUTO. */
    public static DeployMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DeployMode mode : values()) {
            if (mode.name().equals(normal)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode \"" + value + "\": use auto, image-only or replace");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
