package io.jenkins.plugins.openchoreo.cli;

import picocli.CommandLine.Option;

/** Which component {@code deploy} and {@code promote} act on: the same options for both. */
final class ComponentOptions {

    @Option(names = "--namespace", defaultValue = "${env:OPENCHOREO_NAMESPACE:-default}",
            description = "Namespace (env OPENCHOREO_NAMESPACE; default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--project", defaultValue = "${env:OPENCHOREO_PROJECT:-default}",
            description = "Project owning the component (env OPENCHOREO_PROJECT; default ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--component", defaultValue = "${env:OPENCHOREO_COMPONENT}",
            description = "Component (env OPENCHOREO_COMPONENT; required).")
    String component;
}
