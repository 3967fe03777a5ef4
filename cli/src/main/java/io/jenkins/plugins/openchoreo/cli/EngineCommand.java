package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import picocli.CommandLine.Mixin;

/**
 * A command that talks to OpenChoreo: the connection options too, and the credentials, which are
 * taught to the masker as they are read, so nothing the command prints can show them.
 */
abstract class EngineCommand extends OutputCommand {

    @Mixin
    ConnectionOptions connection;

    /** The credentials from the options (and the environment), registered with the masker. */
    Credentials credentials() {
        Credentials credentials = connection.credentials();
        if (credentials instanceof Credentials.Client client) {
            masker().addClient(client.clientId(), client.clientSecret());
        } else if (credentials instanceof Credentials.Token token) {
            masker().add(token.token());
        }
        return credentials;
    }
}
