package io.jenkins.plugins.openchoreo.cli;

import picocli.CommandLine.Option;

/** How results are shown: human text or JSON on stdout; progress on stderr, every call with --verbose. */
final class OutputOptions {

    enum Format { TEXT, JSON }

    @Option(names = {"-o", "--output"}, defaultValue = "${env:OPENCHOREO_OUTPUT:-text}",
            description = "text or json (env OPENCHOREO_OUTPUT; default ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Option(names = {"-v", "--verbose"}, description = "Also print every HTTP call on stderr (secrets masked).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress on stderr, only the result and errors.")
    boolean quiet;
}
