package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.TriageVersion;
import dev.triage.data.Text;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code triage}: the entry point. */
@Command(name = "triage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Trains neural networks on tabular data and finds out, with evidence, why a network is not learning.",
        subcommands = {TrainCommand.class, CheckCommand.class, SanityCommand.class, LrFindCommand.class, PredictCommand.class, ReportCommand.class, DiagnoseCommand.class, CompareCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::badUsage);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("triage: out of memory: the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB and this run needs more; raise it with TRIAGE_JAVA_OPTS=-Xmx<size> or shrink training.batch_size,"
                    + " model.hidden or the data");
            return ExitCodes.BAD_INPUT;
        } catch (Error e) {
            System.err.println("triage: internal error: " + e + " (please report it with the command you ran)");
            return ExitCodes.INTERNAL;
        }
    }

    /** {@code triage} alone: the usage, on stderr, and exit 2 (a command is missing). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InvalidInputException) {
            err.println("triage: " + safe(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("triage: " + safe(io.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        err.println("triage: internal error: " + safe(e.toString()) + " (please report it with the command you ran;"
                + " set TRIAGE_DEBUG=1 for the stack trace)");
        if (System.getenv("TRIAGE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("triage: " + safe(e.getMessage()) + "; see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        return ExitCodes.BAD_INPUT;
    }

    /**
     * A message as one line a terminal shows as it is: the user's strings in it (file names, keys, values)
     * may hold escape sequences or line breaks, which are shown as backslash-u escapes.
     */
    static String safe(String message) {
        return Text.printable(message == null ? "" : message, 4000);
    }

    /** Prints the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"triage " + TriageVersion.current()};
        }
    }
}
