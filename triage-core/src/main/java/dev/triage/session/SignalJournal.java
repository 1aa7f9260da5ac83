package dev.triage.session;

import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.telemetry.RunLogFile;
import dev.triage.probe.telemetry.TelemetryWriter;
import dev.triage.train.AppendOnlyFile;
import dev.triage.train.AtomicFiles;
import dev.triage.train.EpochEnded;
import dev.triage.train.RunEnded;
import dev.triage.train.RunStarted;
import dev.triage.train.TrainingListener;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps {@code signals.jsonl} up to date while the doctor watches a run: the setup, data, baselines and
 * init records when training starts, then each epoch's steps, probes and epoch record as the epoch ends
 * (before its checkpoint). A killed run thus leaves the signals of every checkpointed epoch, which a
 * resume reads back; a finished run replaces the file with the complete log (evaluation and end).
 * Lines are appended without forcing them to disk: losing them costs a resume only the layer charts.
 */
final class SignalJournal implements TrainingListener {
    private final Path path;
    private final RunLog log;
    private final AppendOnlyFile file;
    private final StringWriter buffer = new StringWriter();
    private final TelemetryWriter writer = new TelemetryWriter(buffer);
    private int steps;
    private int probes;
    private int epochs;
    private boolean nonFinite;

    SignalJournal(Path path, RunLog log) {
        this.path = path;
        this.log = log;
        this.file = new AppendOnlyFile(path, false);
    }

    /** Everything recorded before the first epoch runs (and, when resuming, the epochs before it). */
    @Override
    public void onRunStart(RunStarted e) {
        RunLogFile.header(log, writer);
        appendNew();
        AtomicFiles.write(path, drain());
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        appendNew();
        file.append(drain());
    }

    @Override
    public void onRunEnd(RunEnded e) {
        file.close();
    }

    private void appendNew() {
        TelemetryWriter w = writer;
        long[] numbers = log.stepNumbers();
        double[] losses = log.stepLosses();
        for (; steps < numbers.length; steps++) {
            w.step(0, numbers[steps], losses[steps], Double.NaN);
        }
        List<ProbePoint> p = log.probes();
        for (; probes < p.size(); probes++) {
            w.probe(p.get(probes));
        }
        List<EpochPoint> ep = log.epochs();
        for (; epochs < ep.size(); epochs++) {
            w.epoch(ep.get(epochs));
        }
        if (!nonFinite && log.nonFinite() != null) {
            w.nonFinite(log.nonFinite(), null);
            nonFinite = true;
        }
    }

    private String drain() {
        String text = buffer.toString();
        buffer.getBuffer().setLength(0);
        return text;
    }
}
