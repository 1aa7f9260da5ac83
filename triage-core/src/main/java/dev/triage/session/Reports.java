package dev.triage.session;

import dev.triage.data.PreparedData;
import dev.triage.diagnose.SkippedRule;
import dev.triage.report.DataSummary;
import dev.triage.report.RemedyPlans;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import dev.triage.report.SkippedCheck;
import dev.triage.repair.RepairOutcome;
import dev.triage.train.TrainingOutcome;
import java.util.List;
import java.util.Locale;

/** Assembles {@link ReportData} from an attempt. */
final class Reports {
    private Reports() {
    }

    static DataSummary data(PreparedData d, String path) {
        String test = d.testTable() == null ? null : d.testTable().source();
        return new DataSummary(path, d.table().rows(), d.preprocessor().width(), d.target().task().configName(),
                d.target().column(), d.train().rows(), d.validation().rows(), d.test().rows(), test,
                d.target().classes());
    }

    static RunMetrics metrics(RunRecord r) {
        if (r == null) {
            return null;
        }
        TrainingOutcome o = r.outcome();
        return new RunMetrics(o.epochsRun(), o.lastTrainLoss(), o.lastValidationLoss(), r.test(),
                o.reason().name().toLowerCase(Locale.ROOT), r.seconds(), restoredEpoch(r));
    }

    /** The best epoch when early stopping's restore_best put its weights back (before the last epoch), else 0. */
    static int restoredEpoch(RunRecord r) {
        var es = r.config().training().earlyStopping();
        int best = r.outcome().bestEpoch();
        return es != null && es.restoreBest() && best > 0 && best < r.outcome().epochsRun() ? best : 0;
    }

    static ReportData of(String command, Attempt a, RepairOutcome repair, String runDir) {
        List<SkippedCheck> skipped = a.skipped().stream().map(s -> new SkippedCheck(s.rule(), s.reason())).toList();
        return new ReportData(command, data(a.data(), a.config().data().path().toString()), a.config().tree(), a.findings(),
                a.baselines(), metrics(a.record()), repair, runDir, skipped)
                .withRemedies(RemedyPlans.of(a.findings(), a.config(), a.log()));
    }

    /** The diagnosis of the original run, with the metrics, configuration and data of the run the repair ended with. */
    static ReportData repaired(Attempt original, Attempt last, RepairOutcome repair, String runDir) {
        List<SkippedCheck> skipped = original.skipped().stream().map(s -> new SkippedCheck(s.rule(), s.reason())).toList();
        return new ReportData("train", data(last.data(), last.config().data().path().toString()), last.config().tree(),
                original.findings(), last.baselines(), metrics(last.record()), repair, runDir, skipped)
                .withRemedies(RemedyPlans.of(original.findings(), original.config(), original.log())
                        .withFinal(repair.finalFindings(), last.config(), last.log()));
    }

    static List<SkippedCheck> skipped(List<SkippedRule> s) {
        return s.stream().map(x -> new SkippedCheck(x.rule(), x.reason())).toList();
    }
}
