package dev.triage.cli;

import dev.triage.report.html.HtmlReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code triage report RUN_DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draws report.html for a run folder again from its report.json, signals.jsonl and metrics.csv.",
            "The file stands alone: open it in any browser, offline."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by triage train.")
    Path runDir;

    @Override
    public Integer call() {
        System.out.println("report: " + HtmlReport.write(runDir.toAbsolutePath()));
        return ExitCodes.OK;
    }
}
