package dev.triage.dl4j;

import dev.triage.config.Imputation;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Rule;
import dev.triage.diagnose.Rules;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.RunSetup;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.DataSummary;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import dev.triage.report.SkippedCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);
    static final String DL4J_VERSION = "1.0.0-M2.1";
    /** Validation sets with at most this many feature values are kept in memory as one batch for the epoch-end evaluation. */
    private static final long KEEP_VALIDATION_VALUES = 5_000_000;
    /** The share of the training's wall time the epoch-end validation pass may take (DL4J's inference call costs milliseconds). */
    private static final double EVALUATION_SHARE = 0.02;

    private final Task task;
    private final int classes;
    private final DataSetIterator train;
    private final DataSetIterator validation;
    private final Path reportDir;
    private final boolean stopOnError;
    private final int probesPerEpoch;
    private final int plannedEpochs;
    private final Doctor doctor;
    private final RunLog log = new RunLog();
    private final List<String> notes = new ArrayList<>();

    private DataScan trainScan;
    private DataScan validationScan;
    private NetworkFacts net;
    private boolean started;
    private boolean disabled;
    private String disabledReason;
    private boolean stop;
    private long step;
    private int epoch = 1;
    private int epochsRun;
    private double epochLossSum;
    private int epochLossCount;
    private long runStart;
    private long epochStart;
    private long probeEvery = 25;
    private boolean probing;
    private double[] gradNorm;
    private double[] weightNorm;
    private double[] actStd;
    private double[] zero;
    private double[] dead;
    private double[] saturated;
    private List<INDArray> activationList;
    private Map<String, INDArray> activationMap;
    private double lastFiniteLoss = Double.NaN;
    private boolean nonFinitePending;
    private TriageResult.NonFinite firstNonFinite;
    private double lastTrainLoss = Double.NaN;
    private double lastValidationLoss = Double.NaN;
    private double lastMetric = Double.NaN;
    private double lastScore = Double.NaN;
    private int bestEpoch;
    private double bestValidationLoss = Double.NaN;
    private Path written;
    /** Nanoseconds spent inside the listener: iterations, probes, epoch-end evaluation, rules, run folder. */
    final long[] nanos = new long[5];

    private TriageListener(Builder b) {
        this.task = b.task;
        this.classes = b.classes;
        this.train = b.train;
        this.validation = b.validation;
        this.reportDir = b.report;
        this.stopOnError = b.stopOnError;
        this.probesPerEpoch = b.probesPerEpoch;
        this.plannedEpochs = b.epochs;
        this.doctor = new Doctor(b.rules, b.disabled);
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
            TriageListener l = new TriageListener(this);
            l.scan();
            return l;
        }
    }

    // ------------------------------------------------------------------ DL4J callbacks

    @Override
    public void onEpochStart(Model model) {
        if (!active()) {
            return;
        }
        try {
            begin(model);
            epochStart = System.nanoTime();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        }
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (!active()) {
            return;
        }
        try {
            begin(model);
            activationList = activations;
            probing = probesPerEpoch > 0 && step % probeEvery == 0;
            if (probing) {
                long t0 = System.nanoTime();
                measureActivations();
                nanos[1] += System.nanoTime() - t0;
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        }
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (!active()) {
            return;
        }
        try {
            begin(model);
            activationMap = activations;
            probing = probesPerEpoch > 0 && step % probeEvery == 0;
            if (probing) {
                long t0 = System.nanoTime();
                measureActivations();
                nanos[1] += System.nanoTime() - t0;
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        }
    }

    @Override
    public void onBackwardPass(Model model) {
        if (!active()) {
            return;
        }
        try {
            begin(model);
            double score = model.score();
            if (!Double.isFinite(score) && firstNonFinite == null) {
                locate(model);
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        } finally {
            activationList = null;
            activationMap = null;
        }
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!active() || !probing) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            Gradient g = model.gradient();
            // DL4J's gradient is summed over the mini-batch here; its updater divides by the batch size later
            double perRow = miniBatch(model) ? Math.max(1, model.batchSize()) : 1;
            for (int i = 0; i < net.layers.size(); i++) {
                NetworkFacts.Mapped m = net.layers.get(i);
                gradNorm[i] = g == null ? Double.NaN : Measure.norm(g.getGradientFor(m.weightKey())) / perRow;
                weightNorm[i] = Measure.norm(param(model, m.weightKey()));
            }
            nanos[1] += System.nanoTime() - t0;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int dl4jEpoch) {
        if (!active()) {
            return;
        }
        try {
            begin(model);
            double score = model.score();
            log.addStep(step, score);
            epochLossSum += score;
            epochLossCount++;
            if (Double.isFinite(score)) {
                lastFiniteLoss = score;
            } else if (firstNonFinite == null) {
                activationList = null;
                activationMap = null;
                locate(model);
            }
            if (probing) {
                long t0 = System.nanoTime();
                probe(model, iteration, dl4jEpoch, score);
                nanos[1] += System.nanoTime() - t0;
            }
            if (nonFinitePending) {
                nonFinitePending = false;
                report(doctor.check(Phase.TRAINING, log));
            }
            step++;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        if (!active()) {
            return;
        }
        try {
            begin(model);
            epochsRun++;
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            lastTrainLoss = epochLossCount == 0 ? Double.NaN : epochLossSum / epochLossCount;
            long t0 = System.nanoTime();
            // the validation pass may take EVALUATION_SHARE of the wall time: with very short epochs it runs every few epochs
            boolean evaluateNow = epochsRun == 1 || nanos[2] <= EVALUATION_SHARE * (t0 - runStart);
            double[] v = evaluateNow ? evaluate(model) : new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            nanos[2] += System.nanoTime() - t0;
            if (evaluateNow) {
                lastValidationLoss = v[0];
                lastMetric = v[1];
                lastScore = v[4];
            }
            if (Double.isFinite(v[0]) && !(v[0] >= bestValidationLoss)) {
                bestValidationLoss = v[0];
                bestEpoch = epoch;
            }
            log.addEpoch(new EpochPoint(epoch, step, net.learningRate((int) step, epoch - 1), lastTrainLoss, v[0], v[1], v[2], v[3],
                    seconds));
            long t1 = System.nanoTime();
            report(doctor.check(Phase.TRAINING, log));
            nanos[3] += System.nanoTime() - t1;
            epoch++;
            epochLossSum = 0;
            epochLossCount = 0;
            epochStart = System.nanoTime();
            if (plannedEpochs > 0 && epochsRun >= plannedEpochs) {
                finish();
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(e);
        }
    }

    // ------------------------------------------------------------------ public API

    /** True once an error finding fired with {@code stopOnError(true)}: stop training (DL4J cannot be stopped by a listener). */
    public boolean shouldStop() {
        return stop;
    }

    /** For DL4J's early-stopping trainer: terminates training when {@link #shouldStop()} is true. */
    public IterationTerminationCondition terminationCondition() {
        return new StopCondition(this);
    }

    /** Ends training with the doctor's stop request. */
    private static final class StopCondition implements IterationTerminationCondition {
        private static final long serialVersionUID = 1L;
        private final transient TriageListener listener;

        StopCondition(TriageListener listener) {
            this.listener = listener;
        }

        @Override
        public void initialize() {
            // nothing to reset: the doctor's request stands for the whole run
        }

        @Override
        public boolean terminate(double lastMiniBatchScore) {
            return listener != null && listener.shouldStop();
        }

        @Override
        public String toString() {
            return "TriageListener.terminationCondition()";
        }
    }

    /** The findings so far, with the run folder written (see {@link #finish()}). */
    public TriageResult result() {
        finish();
        List<SkippedCheck> notRun = new ArrayList<>();
        try {
            notRun.addAll(checksNotRun());
        } catch (RuntimeException e) {
            notRun.add(new SkippedCheck("all", "the listener could not list its checks: " + e));
        }
        return new TriageResult(doctor.findings(), written, notRun, firstNonFinite, stop, disabledReason);
    }

    /**
     * Runs the end-of-run checks and writes the run folder (when {@link Builder#report(Path)} was set).
     * May be called again after more training: the folder is rewritten with everything recorded so far.
     */
    public void finish() {
        if (started && !disabled) {
            try {
                log.setEvaluation(new EvaluationSignals(epochsRun, stopReason(), lastTrainLoss, lastValidationLoss, lastMetric,
                        lastScore, Double.NaN, bestEpoch, bestValidationLoss, false));
                report(doctor.check(Phase.EVALUATION, log));
            } catch (RuntimeException | LinkageError | AssertionError e) {
                fail(e);
            }
        }
        if (reportDir != null) {
            long t0 = System.nanoTime();
            try {
                write(reportDir);
                nanos[4] += System.nanoTime() - t0;
                written = reportDir;
            } catch (RuntimeException | IOException e) {
                LOG.warn("Triage could not write the run folder {}: {}", reportDir, e.toString());
            }
        }
    }

    /** Same as {@link #finish()}. */
    @Override
    public void close() {
        finish();
    }

    /** The run log recorded so far (what {@code signals.jsonl} holds). */
    RunLog log() {
        return log;
    }

    // ------------------------------------------------------------------ recording

    private boolean active() {
        return !disabled && !stop;
    }

    private void scan() {
        try {
            trainScan = DataScan.of(train, task, classes, 0);
            validationScan = DataScan.of(validation, task, classes, KEEP_VALIDATION_VALUES);
            if (trainScan.problem != null) {
                notes.add(trainScan.problem);
            }
        } catch (RuntimeException e) {
            notes.add("the data iterators could not be scanned before training (" + e + "): the data checks cannot run");
            LOG.warn("Triage could not scan the data iterators: {}", e.toString());
            trainScan = null;
            validationScan = null;
        }
    }

    /** Reads the network and runs the data and configuration checks, the first time the listener hears from DL4J. */
    private void begin(Model model) {
        if (started) {
            return;
        }
        started = true;
        runStart = System.nanoTime();
        epochStart = runStart;
        net = NetworkFacts.read(model);
        notes.addAll(net.notes);
        log.setOrigin(new RunOrigin("dl4j", DL4J_VERSION, net.lossName, net.updaterName));
        if (trainScan != null && trainScan.problem == null && trainScan.features > 0) {
            log.setInputs(trainScan.inputs());
            log.setData(DataScan.signals(trainScan, validationScan, classNames()));
        }
        int n = net.layers.size();
        gradNorm = new double[n];
        weightNorm = new double[n];
        actStd = new double[n];
        zero = new double[n];
        dead = new double[n];
        saturated = new double[n];
        if (n > 0) {
            log.setSetup(setup());
        }
        if (trainScan != null && trainScan.batches > 0 && probesPerEpoch > 0) {
            probeEvery = Math.max(1, trainScan.batches / probesPerEpoch);
        }
        LOG.info("Triage is watching a {} with {} dense layer(s), loss {}, updater {}", net.kind, n, net.lossName, net.updaterName);
        report(doctor.check(Phase.DATA, log));
        report(doctor.check(Phase.CONFIG, log));
    }

    private RunSetup setup() {
        List<LayerFacts> layers = net.layers.stream().map(NetworkFacts.Mapped::facts).toList();
        int batch = trainScan == null ? 0 : trainScan.batchSize;
        int trainRows = trainScan == null ? 0 : (int) Math.min(Integer.MAX_VALUE, trainScan.rows);
        int valRows = validationScan == null ? 0 : (int) Math.min(Integer.MAX_VALUE, validationScan.rows);
        return new RunSetup(task, classes, layers, net.loss, net.optimizer, net.learningRate(0, 0), net.momentum, batch,
                plannedEpochs, trainRows, valRows, net.l1, net.l2, net.weightDecay, net.gradientNormalization, false, false, null,
                TargetScaling.NONE, Imputation.NONE, true, false, net.parameters, 0, 0, net.dtype);
    }

    private List<String> classNames() {
        List<String> names = null;
        try {
            names = train.getLabels();
        } catch (RuntimeException e) {
            // iterators without label names
        }
        if (names != null && names.size() == classes) {
            return names;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    private void measureActivations() {
        for (int i = 0; i < net.layers.size(); i++) {
            NetworkFacts.Mapped m = net.layers.get(i);
            INDArray a = null;
            if (activationList != null && m.activationIndex() >= 0 && m.activationIndex() < activationList.size()) {
                a = activationList.get(m.activationIndex());
            } else if (activationMap != null && m.activationKey() != null) {
                a = activationMap.get(m.activationKey());
            }
            Measure.Activations s = Measure.activations(a, m.facts().activation());
            actStd[i] = s.std();
            zero[i] = s.zero();
            dead[i] = s.dead();
            saturated[i] = s.saturated();
        }
    }

    /** At iterationDone DL4J's gradient view holds the update the updater applied (learning rate, momentum and all). */
    private void probe(Model model, int iteration, int dl4jEpoch, double score) {
        probing = false;
        int n = net.layers.size();
        double[] update = new double[n];
        Gradient g = model.gradient();
        for (int i = 0; i < n; i++) {
            update[i] = g == null ? Double.NaN : Measure.norm(g.getGradientFor(net.layers.get(i).weightKey()));
        }
        log.addProbe(new ProbePoint(epoch, step, net.learningRate(iteration, dl4jEpoch), score, gradNorm.clone(),
                weightNorm.clone(), update, actStd.clone(), null, zero.clone(), dead.clone(), saturated.clone(), Double.NaN));
    }

    /**
     * Finds where the first non-finite value of this iteration came from, in the order the iteration
     * computes: each layer's parameters and then its activations, layer by layer, then the loss.
     */
    private void locate(Model model) {
        int n = net.layers.size();
        for (int i = 0; i < n; i++) {
            NetworkFacts.Mapped m = net.layers.get(i);
            for (String p : new String[] {"W", "b"}) {
                if (!Measure.finite(param(model, m.prefix() + "_" + p))) {
                    nonFinite(i, NonFiniteEvent.Quantity.WEIGHT, p);
                    return;
                }
            }
            INDArray a = null;
            if (activationList != null && m.activationIndex() >= 0 && m.activationIndex() < activationList.size()) {
                a = activationList.get(m.activationIndex());
            } else if (activationMap != null && m.activationKey() != null) {
                a = activationMap.get(m.activationKey());
            }
            if (!Measure.finite(a)) {
                nonFinite(i, NonFiniteEvent.Quantity.ACTIVATION, null);
                return;
            }
        }
        nonFinite(n - 1, NonFiniteEvent.Quantity.LOSS, null);
    }

    private void nonFinite(int layer, NonFiniteEvent.Quantity q, String parameter) {
        NetworkFacts.Mapped m = layer >= 0 && layer < net.layers.size() ? net.layers.get(layer) : null;
        int dl4jIndex = -1;
        if (m != null && net.kind.equals("MultiLayerNetwork")) {
            dl4jIndex = Integer.parseInt(m.prefix());
        }
        String name = m == null ? null : m.facts().name();
        firstNonFinite = new TriageResult.NonFinite(step, epoch, q.label(), dl4jIndex, name, parameter);
        log.setNonFinite(new NonFiniteEvent(epoch, step, Math.max(0, layer), q, lastFiniteLoss));
        nonFinitePending = true;
        LOG.warn("Triage: first non-finite value at iteration {} (epoch {}): {} of layer {} '{}'{}", step, epoch, q.label(),
                dl4jIndex, name, parameter == null ? "" : ", parameter " + parameter);
    }

    private static boolean miniBatch(Model model) {
        try {
            return model.conf() == null || model.conf().isMiniBatch();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static INDArray param(Model model, String key) {
        try {
            return model.getParam(key);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Validation loss (in the output layer's loss, without regularization), metric (rmse or accuracy),
     * spread of predictions and targets, and the score the baselines use (MSE or log loss); NaN without
     * a validation iterator.
     */
    private double[] evaluate(Model model) {
        double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (validation == null || !(model instanceof MultiLayerNetwork || model instanceof ComputationGraph)) {
            return none;
        }
        Evaluation e = new Evaluation(task, net.lossName);
        if (validationScan != null && validationScan.merged != null) {
            e.add(model, validationScan.merged);
        } else {
            if (validation.resetSupported()) {
                validation.reset();
            }
            while (validation.hasNext()) {
                e.add(model, validation.next());
            }
            if (validation.resetSupported()) {
                validation.reset();
            }
        }
        return e.result();
    }

    private String stopReason() {
        if (stop) {
            return "doctor_stop";
        }
        return firstNonFinite != null ? "non_finite" : "completed";
    }

    private void report(List<Finding> fresh) {
        for (Finding f : fresh) {
            String remedies = f.remedies().stream().map(Remedy::name).map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            String where = f.where() == null ? "" : " [" + f.where() + "]";
            String text = "Triage " + f.severity().label() + " " + f.code() + where + ": " + f.message()
                    + (remedies.isEmpty() ? "" : " (try: " + remedies + ")");
            switch (f.severity()) {
                case ERROR -> LOG.error(text);
                case WARNING -> LOG.warn(text);
                default -> LOG.info(text);
            }
            if (stopOnError && f.severity() == Severity.ERROR && !stop) {
                stop = true;
                LOG.warn("Triage asks to stop training after {}: DL4J cannot be stopped by a listener, so the listener stops"
                        + " recording; check shouldStop() between epochs or use terminationCondition()", f.code());
            }
        }
    }

    /** Logs the first failure and switches the listener off; training goes on untouched. */
    private void fail(Throwable e) {
        if (disabled) {
            return;
        }
        disabled = true;
        disabledReason = e.toString();
        LOG.error("Triage's listener failed and switched itself off; training continues without it", e);
    }

    // ------------------------------------------------------------------ run folder

    private List<SkippedCheck> checksNotRun() {
        List<SkippedCheck> out = new ArrayList<>();
        if (disabled) {
            out.add(new SkippedCheck("all", "the listener switched itself off after an error (" + disabledReason
                    + "): checks after that point did not run"));
        }
        doctor.skipped(log).forEach(s -> out.add(new SkippedCheck(s.rule(), s.reason())));
        notes.forEach(n -> out.add(new SkippedCheck("dl4j-adapter", n)));
        return out;
    }

    private void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (log.setup() != null) {
            AtomicOutputs.writeSignals(dir, log);
        } else {
            Files.deleteIfExists(dir.resolve("signals.jsonl"));
        }
        double seconds = started ? (System.nanoTime() - runStart) / 1e9 : 0;
        RunMetrics metrics = started ? new RunMetrics(epochsRun, lastTrainLoss, lastValidationLoss, null, stopReason(), seconds)
                : null;
        ReportData report = new ReportData("dl4j", summary(), config(), doctor.findings(), null, metrics, null, dir.toString(),
                checksNotRun());
        AtomicOutputs.writeReport(report, dir, null);
    }

    private DataSummary summary() {
        long trainRows = trainScan == null ? 0 : trainScan.rows;
        long valRows = validationScan == null ? 0 : validationScan.rows;
        return new DataSummary("DL4J " + train.getClass().getSimpleName(), (int) Math.min(Integer.MAX_VALUE, trainRows + valRows),
                trainScan == null ? 0 : trainScan.features, task.configName(), "labels", (int) trainRows, (int) valRows, 0, null,
                task == Task.CLASSIFICATION ? classNames() : List.of());
    }

    private Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("framework", "dl4j " + DL4J_VERSION);
        if (net == null) {
            return c;
        }
        c.put("network", net.kind);
        c.put("layers", net.layers.stream().map(m -> m.facts().describe() + " [" + m.dl4jType() + ", init "
                + m.facts().init().configName() + ", dropout " + m.facts().dropout() + "]").toList());
        c.put("loss", net.lossName);
        c.put("updater", net.updaterName);
        c.put("learning_rate", net.learningRate(0, 0));
        c.put("momentum", net.momentum);
        c.put("l1", net.l1);
        c.put("l2", net.l2);
        c.put("weight_decay", net.weightDecay);
        c.put("gradient_normalization", net.gradientNormalization.configName());
        c.put("dropout_note", "DL4J's dropOut(p) is the probability of retaining an input; shown here as the drop probability 1 - p"
                + " of the layer whose output is dropped");
        c.put("input_dropout", net.inputDropout);
        c.put("batch_size", trainScan == null ? 0 : trainScan.batchSize);
        c.put("probes_per_epoch", probesPerEpoch);
        c.put("planned_epochs", plannedEpochs);
        return c;
    }

    /** Accumulates the epoch-end evaluation over validation batches. */
    private final class Evaluation {
        private final Task task;
        private final String loss;
        private double lossSum;
        private double sqErr;
        private long values;
        private long rows;
        private long correct;
        private double logLoss;
        private double predSum;
        private double predSq;
        private double targetSum;
        private double targetSq;

        Evaluation(Task task, String loss) {
            this.task = task;
            this.loss = loss == null ? "" : loss;
        }

        void add(Model model, DataSet ds) {
            INDArray x = ds.getFeatures();
            INDArray y = ds.getLabels();
            INDArray out = model instanceof MultiLayerNetwork m ? m.output(x, false) : ((ComputationGraph) model).outputSingle(false, x);
            double[][] p = Measure.rows(out);
            double[][] t = Measure.rows(y);
            boolean known = true;
            double batchLoss = 0;
            for (int r = 0; r < p.length; r++) {
                double[] pr = p[r];
                double[] tr = t[r];
                double rowLoss = 0;
                for (int j = 0; j < pr.length; j++) {
                    double target = tr.length == pr.length ? tr[j] : (j == (int) tr[0] ? 1 : 0);
                    double d = pr[j] - target;
                    sqErr += d * d;
                    predSum += pr[j];
                    predSq += pr[j] * pr[j];
                    targetSum += target;
                    targetSq += target * target;
                    double q = Math.min(1 - 1e-12, Math.max(1e-12, pr[j]));
                    switch (loss) {
                        case "MSE" -> rowLoss += d * d / pr.length;
                        case "L2", "SQUARED_LOSS" -> rowLoss += d * d;
                        case "L1" -> rowLoss += Math.abs(d);
                        case "MEAN_ABSOLUTE_ERROR" -> rowLoss += Math.abs(d) / pr.length;
                        case "MCXENT", "NEGATIVELOGLIKELIHOOD", "SPARSE_MCXENT" -> rowLoss -= target * Math.log(q);
                        case "XENT" -> rowLoss -= target * Math.log(q) + (1 - target) * Math.log(1 - q);
                        default -> known = false;
                    }
                }
                batchLoss += rowLoss;
                values += pr.length;
                if (task == Task.CLASSIFICATION) {
                    int truth = tr.length == pr.length ? argmax(tr) : (int) tr[0];
                    int guess = pr.length == 1 ? (pr[0] >= 0.5 ? 1 : 0) : argmax(pr);
                    correct += guess == truth ? 1 : 0;
                    double pt = pr.length == 1 ? (truth == 1 ? pr[0] : 1 - pr[0]) : pr[Math.max(0, Math.min(pr.length - 1, truth))];
                    logLoss -= Math.log(Math.min(1, Math.max(1e-15, pt)));
                }
            }
            if (known) {
                lossSum += batchLoss;
            } else {
                // a loss this class does not compute: DL4J's own score of the batch (a second forward pass)
                double s = model instanceof MultiLayerNetwork m ? m.score(ds, false) : ((ComputationGraph) model).score(ds, false);
                lossSum += s * p.length;
            }
            rows += p.length;
        }

        double[] result() {
            if (rows == 0) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            }
            double mse = sqErr / values;
            double predMean = predSum / values;
            double targetMean = targetSum / values;
            double predStd = Math.sqrt(Math.max(0, predSq / values - predMean * predMean));
            double targetStd = Math.sqrt(Math.max(0, targetSq / values - targetMean * targetMean));
            double metric = task == Task.REGRESSION ? Math.sqrt(mse) : correct / (double) rows;
            double score = task == Task.REGRESSION ? mse : logLoss / rows;
            return new double[] {lossSum / rows, metric, predStd, targetStd, score};
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "TriageListener(" + task.configName() + (classes > 0 ? ", " + classes + " classes" : "") + ", steps " + step
                + ", findings " + doctor.findings().size() + (disabled ? ", disabled" : "") + ")";
    }
}
