package io.jenkins.plugins.openchoreo;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;

/**
 * The engine of this Jenkins: one token cache and one bounded pool of HTTP transports for every
 * deploy, promotion and Test connection, closed when Jenkins shuts down.
 */
@Extension
public final class OpenChoreoEngineHolder {

    private final OpenChoreoEngine engine = new OpenChoreoEngine();

    /** The running Jenkins' engine. */
    static OpenChoreoEngine engine() {
        return ExtensionList.lookupSingleton(OpenChoreoEngineHolder.class).engine;
    }

    /** Closes the engine's transports as Jenkins shuts down (a deploy still under way finishes its call first). */
    @Terminator
    public static void closeEngine() {
        for (OpenChoreoEngineHolder holder : ExtensionList.lookup(OpenChoreoEngineHolder.class)) {
            holder.engine.close();
        }
    }
}
