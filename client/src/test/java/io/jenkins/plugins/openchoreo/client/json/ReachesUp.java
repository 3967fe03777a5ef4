package io.jenkins.plugins.openchoreo.client.json;

import io.jenkins.plugins.openchoreo.client.deploy.Deployer;

/** A leaf that uses a use case, on purpose: the architecture test shows its layer rule catches it. */
public final class ReachesUp {
    Object above = Deployer.class;
}
