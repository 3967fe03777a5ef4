package io.jenkins.plugins.openchoreo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Usage errors (unknown option, bad value, missing argument): one "error:" line and a hint, as
 * every other error class prints, instead of picocli's full usage text, which buries the message
 * in a CI log.
 */
final class UsageErrors {

    private UsageErrors() {}

    static int handle(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && isSecretOption(unmatched)) {
            // Not e.getMessage(): it would echo the secret that was passed.
            return print(line, "secrets are never taken as arguments (they would show in "
                    + "process lists and CI logs); set OPENCHOREO_CLIENT_SECRET or OPENCHOREO_TOKEN in the "
                    + "environment, or use --client-secret-file");
        }
        line.getErr().println("error: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, line.getErr());
        }
        return hint(line);
    }

    static int print(CommandLine line, String message) {
        line.getErr().println("error: " + message);
        return hint(line);
    }

    private static int hint(CommandLine line) {
        PrintWriter err = line.getErr();
        err.println("Hint: run '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static boolean isSecretOption(CommandLine.UnmatchedArgumentException e) {
        return e.getUnmatched().stream().anyMatch(arg -> arg.matches("--?(client-secret|token|secret|password)(=.*)?"));
    }
}
