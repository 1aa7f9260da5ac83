package dev.triage.session;

import dev.triage.data.PreparedData;
import dev.triage.diagnose.Doctor;
import dev.triage.probe.foreign.LoadedRun;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.report.DataSummary;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of {@code triage diagnose}: the run as recorded, its findings, and what could not be checked. */
final class DiagnoseReport {
    private DiagnoseReport() {
    }

    static ReportData of(Path input, LoadedRun run, PreparedData data, Doctor doctor, Path dir) {
        RunLog log = run.log();
        DataSummary summary = data != null ? Reports.data(data, data.table().source()) : summary(input, log);
        return new ReportData("diagnose", summary, config(run), doctor.findings(), log.baselines(), metrics(log), null,
                dir.toString(), Reports.skipped(doctor.skipped(log)));
    }

    private static DataSummary summary(Path input, RunLog log) {
        RunSetup s = log.setup();
        if (log.data() != null) {
            var d = log.data();
            var target = d.target();
            return new DataSummary(d.source(), (int) Math.min(Integer.MAX_VALUE, d.rows()), d.features().size(),
                    s.task().configName(), target == null ? "" : target.name(), d.trainRows(), d.validationRows(), d.testRows(),
                    null, List.of());
        }
        int features = log.inputs() != null ? log.inputs().features() : s.layers().get(0).fanIn();
        return new DataSummary(input.toString(), s.trainRows() + s.validationRows(), features, s.task().configName(),
                "(not given: pass --data and --target for the data checks)", s.trainRows(), s.validationRows(), 0, null,
                List.of());
    }

    /** The run's setup as recorded, in the words of its framework. */
    private static Map<String, Object> config(LoadedRun run) {
        RunLog log = run.log();
        RunSetup s = log.setup();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("format", run.format());
        c.put("framework", log.origin().framework());
        c.put("task", s.task().configName());
        List<String> layers = new ArrayList<>();
        for (LayerFacts l : s.layers()) {
            layers.add(l.describe());
        }
        c.put("layers", layers);
        c.put("loss", log.origin().lossName() != null ? log.origin().lossName() : s.loss().configName());
        c.put("optimizer", log.origin().optimizerName() != null ? log.origin().optimizerName() : s.optimizer().configName());
        c.put("learning_rate", s.learningRate());
        c.put("batch_size", s.batchSize());
        c.put("epochs", s.epochs());
        return c;
    }

    private static RunMetrics metrics(RunLog log) {
        EvaluationSignals e = log.evaluation();
        EpochPoint last = log.lastEpoch();
        if (e != null) {
            return new RunMetrics(e.epochsRun(), e.trainLoss(), e.validationLoss(), null,
                    e.stopReason().toLowerCase(Locale.ROOT), Double.NaN);
        }
        if (last == null) {
            return null;
        }
        return new RunMetrics(log.epochs().size(), last.trainLoss(), last.validationLoss(), null, "unknown", Double.NaN);
    }
}
