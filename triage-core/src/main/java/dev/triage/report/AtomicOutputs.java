package dev.triage.report;

import dev.triage.probe.log.RunLog;
import dev.triage.probe.telemetry.RunLogFile;
import dev.triage.report.html.HtmlReport;
import dev.triage.train.AtomicFiles;
import dev.triage.train.RunFolder;
import java.nio.file.Path;

/** Writes report files of a run folder atomically. */
public final class AtomicOutputs {
    private AtomicOutputs() {
    }

    /** The run log as {@code signals.jsonl}, in the public run-log format (docs/telemetry.md). */
    public static void writeSignals(Path runDir, RunLog log) {
        AtomicFiles.write(new RunFolder(runDir).signals(), RunLogFile.render(log));
    }

    /**
     * The JSON report as {@code report.json}, and a copy where the user asked for it ({@code -}: standard
     * output; see {@link OutputFile}); in a run folder
     * also {@code report.html}, drawn from the files just written.
     */
    public static void writeReport(ReportData report, Path runDir, Path extra) {
        String json = JsonReport.render(report);
        if (runDir != null) {
            AtomicFiles.write(new RunFolder(runDir).report(), json);
            HtmlReport.write(runDir);
        }
        if (extra != null) {
            OutputFile.write(extra, json);
        }
    }
}
