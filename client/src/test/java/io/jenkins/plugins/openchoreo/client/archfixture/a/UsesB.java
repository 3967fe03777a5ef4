package io.jenkins.plugins.openchoreo.client.archfixture.a;

import io.jenkins.plugins.openchoreo.client.archfixture.b.UsesA;

/** Half of a package cycle on purpose: the architecture test shows its cycle rule catches it. */
public final class UsesB {
    Object other = UsesA.class;
}
