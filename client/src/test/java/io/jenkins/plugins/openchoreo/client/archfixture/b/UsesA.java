package io.jenkins.plugins.openchoreo.client.archfixture.b;

import io.jenkins.plugins.openchoreo.client.archfixture.a.UsesB;

/** The other half of the package cycle on purpose. */
public final class UsesA {
    Object other = UsesB.class;
}
