package io.jenkins.plugins.openchoreo;

/**
 * Where a deploy or a promotion talks to and with which credential: the step's or action's own
 * values, else the global configuration's. Resolved by {@link EngineRun#resolve}, which
 * applies the credential rules to both.
 */
public interface ConnectionArguments {

    String getCredentialsId();

    String getApiUrl();

    String getTokenUrl();

    String getPortalUrl();
}
