package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: runs the command line and exits with the code of the error class, if any. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset)));
    }

    /** Runs a command line with the given environment and output streams; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        Environment.set(env);
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line as it runs: the picocli model with its handlers (the doc checks read its options). */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new OpenChoreoCommand());
        line.setExecutionExceptionHandler(Main::handle);
        line.setParameterExceptionHandler(UsageErrors::handle);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(true);
        line.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        return line;
    }

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        Output output = Output.of(line);
        if (e instanceof OpenChoreoException known) {
            output.error(known);
            return known.category().exitCode();
        }
        if (e instanceof IllegalArgumentException) {
            return UsageErrors.print(line, output.mask(e.getMessage()));
        }
        PrintWriter err = line.getErr();
        err.println(output.mask("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        err.println("Hint: this is a bug in openchoreo; please report it with the command line (secrets left out).");
        err.flush();
        return ExitCodes.UNEXPECTED;
    }
}
