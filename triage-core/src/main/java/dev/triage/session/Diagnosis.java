package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.Encoded;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Rules;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.DataProfiler;
import dev.triage.probe.InitProbe;
import dev.triage.probe.RunRecorder;
import dev.triage.probe.Scores;
import dev.triage.probe.SetupFacts;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.RunLog;
import dev.triage.repair.RemedyPreview;
import dev.triage.report.FindingPrinter;
import dev.triage.train.BatchEnded;
import dev.triage.train.EpochEnded;
import dev.triage.train.Evaluation;
import dev.triage.train.RunStarted;
import dev.triage.train.StopControl;
import dev.triage.train.StopReason;
import dev.triage.train.TaskMetrics;
import dev.triage.train.TrainingListener;
import dev.triage.train.TrainingOutcome;
import dev.triage.train.TrainingSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The doctor attached to one run: fills the run log (setup, data, baselines, init pass, training
 * signals, final evaluation), runs the rules phase by phase, prints findings as they appear, and asks
 * the trainer to stop when a rule says so (a non-finite loss).
 */
final class Diagnosis implements TrainingListener {
    private final RunLog log = new RunLog();
    private final RunRecorder recorder = new RunRecorder(log);
    private final Doctor doctor;
    private final FindingPrinter printer;
    private final SessionListener listener;
    private final RunConfig config;
    private StopControl control;
    /** The training rules may take about 1/100 of the wall time between two evaluations. */
    private static final long RULE_BUDGET_INVERSE = 100;
    private long lastRulesAt;
    /** Until the rules have run once, their cost is taken to be half a millisecond (a few epochs of a tiny network). */
    private long lastRulesNanos = 500_000;

    Diagnosis(RunConfig resolved, PreparedData data, NetworkSpec net, Baselines baselines, SessionOptions options) {
        this(resolved, data, net, CompletableFuture.completedFuture(baselines), options);
    }

    /**
     * A doctor whose baselines are being fitted on another thread ({@link BackgroundBaselines}) while this
     * one profiles the data; they are recorded before any rule runs, so the findings are those of a
     * doctor that fitted them first.
     */
    Diagnosis(RunConfig resolved, PreparedData data, NetworkSpec net, CompletableFuture<Baselines> baselines,
              SessionOptions options) {
        this.config = resolved;
        this.doctor = new Doctor(Rules.all(), resolved.doctor().disable());
        this.printer = new FindingPrinter(options.terminal());
        this.listener = options.listener();
        log.setSetup(SetupFacts.of(resolved, net, data, Runtime.getRuntime().maxMemory()));
        log.setData(DataProfiler.profile(data));
        log.setBaselines(BackgroundBaselines.join(baselines));
    }

    /** Data and configuration checks; true when training can go ahead. */
    boolean beforeTraining() {
        report(doctor.check(Phase.DATA, log));
        report(doctor.check(Phase.CONFIG, log));
        return !doctor.trainingBlocked();
    }

    void atInit(Engine engine, EngineData train, PreparedData data) {
        log.setInit(InitProbe.measure(engine, train, data.train(), config.training().l1(), config.training().l2(),
                config.training().seed()));
        report(doctor.check(Phase.INIT, log));
    }

    TrainingListener recorder() {
        return recorder;
    }

    @Override
    public void onRunStart(RunStarted e) {
        control = e.control();
        lastRulesAt = System.nanoTime();
    }

    @Override
    public void onBatchEnd(BatchEnded e) {
        if (!e.isFinite()) {
            report(doctor.check(Phase.TRAINING, log));
            if (doctor.stopRequested() && control != null) {
                control.requestStop(StopReason.NON_FINITE, "a non-finite value at step " + e.step());
            }
        }
    }

    /**
     * Runs the training rules at the end of an epoch, unless they would take more than a small share of
     * the training time: with very short epochs they run every few epochs instead (a NaN is still
     * caught at its step, and every rule runs once more when training ends).
     */
    @Override
    public void onEpochEnd(EpochEnded e) {
        if (listener != SessionListener.NONE) {
            listener.onEpoch(e.epoch(), e.trainLoss(), e.validationLoss(), e.validationMetric(), this::stopForListener);
        }
        long now = System.nanoTime();
        if (now - lastRulesAt < lastRulesNanos * RULE_BUDGET_INVERSE) {
            return;
        }
        report(doctor.check(Phase.TRAINING, log));
        lastRulesAt = System.nanoTime();
        lastRulesNanos = lastRulesAt - now;
    }

    /** Records the final model's scores and runs the end-of-run rules. */
    void afterTraining(Engine engine, TrainingSet set, TrainingOutcome o, PreparedData data) {
        double metric = Double.NaN;
        double score = Double.NaN;
        if (set.hasValidation()) {
            TaskMetrics m = metrics(engine, set.validation(), data.validation(), data);
            metric = m.primary();
            score = Scores.comparable(m);
        }
        double trainScore = Scores.comparable(metrics(engine, set.train(), data.train(), data));
        boolean restored = config.training().earlyStopping() != null && config.training().earlyStopping().restoreBest();
        log.setEvaluation(new EvaluationSignals(o.epochsRun(), o.reason().name(), o.lastTrainLoss(), o.lastValidationLoss(),
                metric, score, Double.NaN, o.bestEpoch(), o.bestValidationLoss(), restored, trainScore));
        report(doctor.check(Phase.EVALUATION, log));
    }

    /** Metrics of the engine's current weights on one split. */
    private static TaskMetrics metrics(Engine engine, EngineData rows, Encoded split, PreparedData data) {
        double[] out = new double[split.rows() * engine.spec().outputs()];
        engine.evaluate(rows, out);
        return Evaluation.of(out, engine.spec().outputs(), split, data.preprocessor().targetEncoding());
    }

    /** Prints new findings in the order they happened, each remedy as the change it would make to this run. */
    private void report(List<Finding> fresh) {
        List<Finding> ordered = inOrder(fresh);
        printer.printAll(ordered, f -> RemedyPreview.of(f, config, log));
        ordered.forEach(listener::onFinding);
    }

    /** By phase, then the step they were first seen at (findings of one check come in rule order otherwise). */
    static List<Finding> inOrder(List<Finding> findings) {
        List<Finding> out = new java.util.ArrayList<>(findings);
        out.sort(java.util.Comparator.comparingInt((Finding f) -> f.phase().ordinal())
                .thenComparingLong(f -> f.step() == null ? -1 : f.step()));
        return out;
    }

    private void stopForListener() {
        if (control != null) {
            control.requestStop(StopReason.REQUESTED, "the program embedding Triage asked to stop");
        }
    }

    Doctor doctor() {
        return doctor;
    }

    RunLog log() {
        return log;
    }
}
