/**
 * The engine's public entry points: {@link io.jenkins.plugins.openchoreo.client.ConnectionSettings}
 * (where OpenChoreo is and how to reach it), {@link io.jenkins.plugins.openchoreo.client.OpenChoreoEngine}
 * (the process's token cache and HTTP transports, closeable), the
 * {@link io.jenkins.plugins.openchoreo.client.OpenChoreoConnection} it makes for each deploy, and
 * {@link io.jenkins.plugins.openchoreo.client.ConnectionCheck}; the deploy and the promotion
 * start in {@code deploy.Deployer} and {@code promote.Promoter}.
 *
 * <p>The package map, top to bottom (each package uses only those below it; {@code
 * PackageArchitectureTest} fails on a cycle or on a layer used from below): {@code deploy},
 * {@code promote} (the use cases); this package (the connection); {@code rollout} (following a
 * release); {@code api} (the REST clients); {@code auth} (tokens); {@code retry}; {@code http};
 * {@code descriptor} (workload.yaml and argument fields); {@code model} (the Workload); and the
 * leaves any layer may use: {@code json} (Jackson helpers), {@code rules} (the naming, image,
 * label and URL rules), {@code error}, {@code mask}.
 */
package io.jenkins.plugins.openchoreo.client;
