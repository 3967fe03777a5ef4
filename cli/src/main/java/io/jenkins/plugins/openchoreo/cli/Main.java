package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: runs the command line and exits with the code of the error class, if any. */
public final class Main {

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DeployCommand.class, PromoteCommand.class,
            CheckCommand.class,
            SandboxCommand.class, DemoCommand.class);

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    private Main() {}

    public static void main(String[] args) {
        WarmUp.startFor(args);
        // picocli registers converters for java.sql and java.time types by reflection in every command
        // line it builds (loading those classes); no option here has such a type (start-up).
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
        Charset charset = Charset.defaultCharset();
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset)));
    }

    /** Runs a command line with the given environment and output streams; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        Environment.set(env);
        CommandLine line = commandLine(args);
        line.setOut(out);
        line.setErr(err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The whole command line, every subcommand in it (for help, and for the documentation checks). */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name, only that
     * subcommand is built. picocli reads each command's options by reflection, which is most of a
     * short run's start-up; a deploy need not pay for the sandbox's and the demo's.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine line = new CommandLine(new OpenChoreoCommand());
        Class<?> named = null;
        for (Class<?> type : SUBCOMMANDS) {
            if (args.length > 0 && type.getAnnotation(Command.class).name().equals(args[0])) {
                named = type;
            }
        }
        // Added before the settings below, which apply to the subcommands present when they are set.
        for (Class<?> type : named == null ? SUBCOMMANDS : List.<Class<?>>of(named)) {
            line.addSubcommand(type);
        }
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
