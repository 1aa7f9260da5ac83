package dev.triage.dl4j;

import dev.triage.config.Task;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Rule;
import dev.triage.diagnose.Rules;
import dev.triage.probe.log.RunLog;
import dev.triage.report.SkippedCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Triage's doctor inside DL4J training: a {@link TrainingListener} that records the run in Triage's
 * run-log format (docs/telemetry.md), runs the same rules as Triage's own runs while the network
 * trains, logs each finding through SLF4J when it fires, and writes a run folder ({@code signals.jsonl},
 * {@code report.json}, {@code report.html}) at the end.
 *
 * <pre>{@code
 * MultiLayerNetwork net = new MultiLayerNetwork(conf); net.init();
 * TriageListener doctor = TriageListener.forRegression(trainIterator, validationIterator)
 *         .report(Path.of("runs/dl4j-run")).stopOnError(false).build();
 * net.setListeners(doctor);
 * net.fit(trainIterator, 50);
 * doctor.result().findings();            // and runs/dl4j-run/report.html
 * }</pre>
 *
 * <p>What it records: the network's configuration when it first sees the network (dense layers,
 * activations, the output layer's loss, the updater and its learning rate and momentum, weight init,
 * l1/l2/weight decay, dropout converted from DL4J's <em>retain</em> probability to a drop probability);
 * before training, one pass over the iterators (what the network receives per feature, the target or
 * class counts); the score of every iteration; on a few probe iterations per epoch the per-layer
 * gradient, weight and update norms and activation statistics; at each epoch end the validation loss,
 * metric and prediction spread; the first NaN or infinity with the DL4J layer and parameter.
 *
 * <p>It never breaks training: an exception inside the listener or a rule is logged once and the
 * listener switches itself off (see {@link TriageResult#disabledReason()}). DL4J has no way for a
 * listener to stop {@code fit}; with {@link Builder#stopOnError(boolean) stopOnError(true)} the
 * listener stops recording at the first error finding and {@link #shouldStop()} turns true: check it
 * between epochs ({@code for (int e = 0; e < 50 && !doctor.shouldStop(); e++) net.fit(train);}) or
 * pass {@link #terminationCondition()} to an {@code EarlyStoppingConfiguration}.
 *
 * <p>Not thread-safe: attach one listener to one network, and call {@link #result()} once training
 * returns. The run folder is written when {@link #result()}, {@link #finish()} or {@link #close()} is
 * called, or after the last epoch when {@link Builder#epochs(int)} was given.
 */
public final class TriageListener implements TrainingListener, AutoCloseable {
    static final String DL4J_VERSION = "1.0.0-M2.1";

    private final ListenerSettings settings;
    private final ListenerStatus status = new ListenerStatus();
    private final RunRecorder run;
    private final RunFolder folder;

    private TriageListener(ListenerSettings settings, Doctor doctor) {
        this.settings = settings;
        this.run = new RunRecorder(settings, status, new LiveDoctor(doctor, settings.stopOnError(), status));
        this.folder = new RunFolder(settings.reportDir());
    }

    /** A listener for a regression network; {@code validation} may be null (then no validation signals). */
    public static Builder forRegression(DataSetIterator train, DataSetIterator validation) {
        return new Builder(Task.REGRESSION, 0, train, validation);
    }

    /** A listener for a classifier of {@code classes} classes (labels one-hot, or class indices in one column). */
    public static Builder forClassification(DataSetIterator train, DataSetIterator validation, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        return new Builder(Task.CLASSIFICATION, classes, train, validation);
    }

    /** Options of a {@link TriageListener}; {@link #build()} scans the iterators once (and resets them). */
    public static final class Builder {
        private final Task task;
        private final int classes;
        private final DataSetIterator train;
        private final DataSetIterator validation;
        private Path report;
        private boolean stopOnError;
        private int probesPerEpoch = 4;
        private int epochs;
        private List<Rule> rules = Rules.all();
        private List<String> disabled = List.of();

        private Builder(Task task, int classes, DataSetIterator train, DataSetIterator validation) {
            this.task = task;
            this.classes = classes;
            this.train = Objects.requireNonNull(train, "the training iterator");
            this.validation = validation;
        }

        /** The run folder to write ({@code signals.jsonl}, {@code report.json}, {@code report.html}); none when not set. */
        public Builder report(Path runDir) {
            this.report = runDir;
            return this;
        }

        /** Stop recording at the first error finding and make {@link TriageListener#shouldStop()} true (default false). */
        public Builder stopOnError(boolean stop) {
            this.stopOnError = stop;
            return this;
        }

        /** Iterations per epoch whose per-layer gradients, updates and activations are measured (default 4; 0 for none). */
        public Builder probesPerEpoch(int probes) {
            if (probes < 0) {
                throw new IllegalArgumentException("probesPerEpoch must be 0 or more, got " + probes);
            }
            this.probesPerEpoch = probes;
            return this;
        }

        /**
         * The number of epochs you will train (optional): the checks that wait for the first epochs know
         * the plan, and the run folder is written after the last one.
         */
        public Builder epochs(int planned) {
            this.epochs = Math.max(0, planned);
            return this;
        }

        /** Rule ids to leave out (docs/findings.md), as {@code doctor.disable} in run.yaml. */
        public Builder disable(String... ruleIds) {
            this.disabled = List.of(ruleIds);
            return this;
        }

        /** The rules to run (tests). */
        Builder rules(List<Rule> r) {
            this.rules = List.copyOf(r);
            return this;
        }

        public TriageListener build() {
            ListenerSettings settings = new ListenerSettings(task, classes, train, validation, report, stopOnError, probesPerEpoch,
                    epochs);
            TriageListener listener = new TriageListener(settings, new Doctor(rules, disabled));
            listener.run.scanData();
            return listener;
        }
    }

    // ------------------------------------------------------------------ DL4J callbacks

    @Override
    public void onEpochStart(Model model) {
        safely(() -> run.epochStarted(model));
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        safely(() -> run.forwardPass(model, activations));
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        safely(() -> run.forwardPass(model, activations));
    }

    @Override
    public void onBackwardPass(Model model) {
        safely(() -> run.backwardPass(model));
    }

    @Override
    public void onGradientCalculation(Model model) {
        safely(() -> run.gradientCalculated(model));
    }

    @Override
    public void iterationDone(Model model, int iteration, int dl4jEpoch) {
        safely(() -> run.iterationDone(model, iteration, dl4jEpoch));
    }

    @Override
    public void onEpochEnd(Model model) {
        safely(() -> {
            run.epochEnded(model);
            if (run.plannedEpochsDone()) {
                finish();
            }
        });
    }

    /** Passes a callback to the recorder while the listener is on; a failure switches it off instead of reaching DL4J. */
    private void safely(Runnable recording) {
        if (!status.active()) {
            return;
        }
        try {
            recording.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            status.fail(e);
        }
    }

    // ------------------------------------------------------------------ public API

    /** True once an error finding fired with {@code stopOnError(true)}: stop training (DL4J cannot be stopped by a listener). */
    public boolean shouldStop() {
        return status.stopRequested();
    }

    /** For DL4J's early-stopping trainer: terminates training when {@link #shouldStop()} is true. */
    public IterationTerminationCondition terminationCondition() {
        return new StopCondition(status);
    }

    /** The findings so far, with the run folder written (see {@link #finish()}). */
    public TriageResult result() {
        finish();
        List<SkippedCheck> notRun = new ArrayList<>();
        try {
            notRun.addAll(run.checksNotRun());
        } catch (RuntimeException e) {
            notRun.add(new SkippedCheck("all", "the listener could not list its checks: " + e));
        }
        return new TriageResult(run.findings(), folder.written(), notRun, run.firstNonFinite(), status.stopRequested(),
                status.disabledReason());
    }

    /**
     * Runs the end-of-run checks and writes the run folder (when {@link Builder#report(Path)} was set).
     * May be called again after more training: the folder is rewritten with everything recorded so far.
     */
    public void finish() {
        if (run.started() && !status.disabled()) {
            try {
                run.evaluateRun();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                status.fail(e);
            }
        }
        folder.write(run);
    }

    /** Same as {@link #finish()}. */
    @Override
    public void close() {
        finish();
    }

    /** The run log recorded so far (what {@code signals.jsonl} holds). */
    RunLog log() {
        return run.log();
    }

    @Override
    public String toString() {
        Task task = settings.task();
        int classes = settings.classes();
        return "TriageListener(" + task.configName() + (classes > 0 ? ", " + classes + " classes" : "") + ", steps " + run.step()
                + ", findings " + run.findings().size() + (status.disabled() ? ", disabled" : "") + ")";
    }
}
