package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import picocli.CommandLine.Mixin;

/**
 * A command that talks to OpenChoreo: the connection options too, the credentials, whose secrets
 * the engine teaches the output's masker as they are read (so nothing the command prints can
 * show them), and an engine for the command's run, closed when it ends.
 */
abstract class EngineCommand extends OutputCommand {

    @Mixin
    ConnectionOptions connection;

    private OpenChoreoEngine engine;

    @Override
    public final Integer call() {
        try (OpenChoreoEngine opened = new OpenChoreoEngine()) {
            engine = opened;
            return run();
        }
    }

    /** The command's work, with {@link #engine()} open. */
    abstract Integer run();

    OpenChoreoEngine engine() {
        return engine;
    }

    /** The credentials from the options (and the environment), their secrets known to the masker. */
    Credentials credentials() {
        Credentials credentials = connection.credentials();
        OpenChoreoConnection.learnSecrets(masker(), connection.settings(), credentials);
        return credentials;
    }
}
