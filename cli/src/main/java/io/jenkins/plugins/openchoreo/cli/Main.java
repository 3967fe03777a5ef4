package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs the command line and exits with the code of the error class, if any. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs a command line with the given environment; returns the exit code. */
    public static int run(String[] args, java.util.Map<String, String> env) {
        Environment.set(env);
        CommandLine line = commandLine();
        return line.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new OpenChoreoCommand());
        line.setExecutionExceptionHandler(Main::handle);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(true);
        line.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        return line;
    }

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        Output output = Output.of(line);
        if (e instanceof OpenChoreoException known) {
            output.error(known);
            return known.category().exitCode();
        }
        if (e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return ExitCodes.UNEXPECTED;
    }
}
