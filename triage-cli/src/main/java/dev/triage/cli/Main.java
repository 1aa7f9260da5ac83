package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.TriageVersion;
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
public final class Main implements Runnable {
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
        } catch (Error e) {
            System.err.println("triage: internal error: " + e + " (please report it with the command you ran)");
            return ExitCodes.INTERNAL;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InvalidInputException) {
            err.println("triage: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("triage: " + io.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("triage: internal error: " + e + " (please report it with the command you ran;"
                + " set TRIAGE_DEBUG=1 for the stack trace)");
        if (System.getenv("TRIAGE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("triage: " + e.getMessage() + "; see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        return ExitCodes.BAD_INPUT;
    }

    /** Prints the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"triage " + TriageVersion.current()};
        }
    }
}
