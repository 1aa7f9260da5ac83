package dev.triage.cli;

import dev.triage.session.CompareSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage compare RUN_DIR...}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Puts run folders side by side: validation curves, results and the settings that differ.",
            "Prints the results and the differences, and writes one page (compare.html) that stands alone."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", arity = "2..*", description = "Run folders written by triage train (repair trials too).")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default compare.html; - for standard output).")
    Path out = Path.of("compare.html");

    @Override
    public Integer call() {
        CompareSession.compare(runs, out, Outputs.plain(out));
        return ExitCodes.OK;
    }
}
