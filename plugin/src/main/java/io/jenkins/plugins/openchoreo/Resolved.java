package io.jenkins.plugins.openchoreo;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;

/**
 * What a deploy or a promotion runs with, resolved once before the engine is called (http-request's
 * {@code HttpRequestExecution.from} pattern): the engine's request, the connection settings and
 * the chosen credential.
 *
 * @param <R> the engine's request: a {@code DeployRequest} or a {@code PromoteRequest}
 */
record Resolved<R>(R request, ConnectionSettings settings, Credentials credentials) {}
