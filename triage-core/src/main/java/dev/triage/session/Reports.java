package dev.triage.session;

import dev.triage.data.PreparedData;
import dev.triage.diagnose.Finding;
import dev.triage.report.BaselineSummary;
import dev.triage.report.DataSummary;
import dev.triage.report.JsonReport;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import dev.triage.report.SkippedCheck;
import dev.triage.repair.RepairOutcome;
import dev.triage.train.AtomicFiles;
import dev.triage.train.TrainingOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Assembles {@link ReportData} from a run and writes the JSON report where it belongs. */
final class Reports {
    private Reports() {
    }

    static DataSummary data(PreparedData d, String path) {
        String test = d.testTable() == null ? null : d.testTable().source();
        return new DataSummary(path, d.table().rows(), d.preprocessor().width(), d.target().task().configName(),
                d.target().column(), d.train().rows(), d.validation().rows(), d.test().rows(), test);
    }

    static RunMetrics metrics(RunRecord r) {
        TrainingOutcome o = r.outcome();
        return new RunMetrics(o.epochsRun(), o.lastTrainLoss(), o.lastValidationLoss(), r.test(),
                o.reason().name().toLowerCase(Locale.ROOT), r.seconds());
    }

    static ReportData of(String command, RunRecord r, List<Finding> findings, BaselineSummary baselines,
                         RepairOutcome repair, List<SkippedCheck> skipped) {
        return new ReportData(command, data(r.data(), r.config().data().path().toString()), r.config().tree(), findings,
                baselines, metrics(r), repair, r.folder().path().toString(), skipped);
    }

    /** Writes report.json into the run folder and, when asked, a copy to {@code extra}. */
    static void write(ReportData report, Path runDir, Path extra) {
        String json = JsonReport.render(report);
        if (runDir != null) {
            AtomicFiles.write(runDir.resolve("report.json"), json);
        }
        if (extra != null) {
            AtomicFiles.write(extra, json);
        }
    }
}
