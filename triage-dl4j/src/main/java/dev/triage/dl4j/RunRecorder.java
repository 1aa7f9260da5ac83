package dev.triage.dl4j;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunOrigin;
import dev.triage.report.RunMetrics;
import dev.triage.report.SkippedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one DL4J run into a {@link RunLog}, callback by callback, and has the doctor check it as it
 * grows. The network is read at the first callback ({@link #begin}); {@link TriageListener} decides
 * whether a callback reaches the recorder at all and catches what it throws.
 */
final class RunRecorder {
    // users configure logging by the public class's name, so every part of the listener logs under it
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);

    private final ListenerSettings settings;
    private final ListenerStatus status;
    private final LiveDoctor doctor;
    private final RunLog log = new RunLog();
    private final List<String> notes = new ArrayList<>();
    private final ListenerTimings timings = new ListenerTimings();
    private final TrainingProgress progress = new TrainingProgress();
    private final ForwardActivations activations = new ForwardActivations();
    private final NonFiniteLocator nonFinite = new NonFiniteLocator(log, progress);
    private DataScans scans;
    private EpochValidation validation;
    private NetworkFacts net;
    private LayerProbe probe;
    private boolean started;

    RunRecorder(ListenerSettings settings, ListenerStatus status, LiveDoctor doctor) {
        this.settings = settings;
        this.status = status;
        this.doctor = doctor;
    }

    /** Scans the data iterators once, before training; a failure leaves the data checks without data. */
    void scanData() {
        scans = DataScans.of(settings, notes);
        validation = new EpochValidation(settings.task(), settings.validation(), scans.validation(), timings);
    }

    // ------------------------------------------------------------------ DL4J callbacks

    void epochStarted(Model model) {
        begin(model);
        progress.startEpoch();
    }

    void forwardPass(Model model, List<INDArray> layerOutputs) {
        begin(model);
        activations.set(layerOutputs);
        probeActivationsIfDue();
    }

    void forwardPass(Model model, Map<String, INDArray> vertexOutputs) {
        begin(model);
        activations.set(vertexOutputs);
        probeActivationsIfDue();
    }

    /** Locates a non-finite score while this iteration's activations are at hand, then lets go of them. */
    void backwardPass(Model model) {
        try {
            begin(model);
            if (!Double.isFinite(model.score()) && !nonFinite.found()) {
                nonFinite.locate(model, net, activations);
            }
        } finally {
            activations.clear();
        }
    }

    void gradientCalculated(Model model) {
        if (!probing()) {
            return;
        }
        long t0 = System.nanoTime();
        probe.measureGradients(model);
        timings.addProbe(t0);
    }

    void iterationDone(Model model, int iteration, int dl4jEpoch) {
        begin(model);
        double score = model.score();
        log.addStep(progress.step(), score);
        progress.addIterationLoss(score);
        if (!Double.isFinite(score) && !nonFinite.found()) {
            // the activations belong to the forward pass: from here on only the parameters and the loss are judged
            activations.clear();
            nonFinite.locate(model, net, activations);
        }
        if (probe.due()) {
            long t0 = System.nanoTime();
            log.addProbe(probe.record(model, iteration, dl4jEpoch, progress.epoch(), progress.step(), score));
            timings.addProbe(t0);
        }
        if (nonFinite.takeCheckPending()) {
            doctor.check(Phase.TRAINING, log);
        }
        progress.nextIteration();
    }

    void epochEnded(Model model) {
        begin(model);
        double seconds = progress.closeEpoch();
        int epoch = progress.epoch();
        long step = progress.step();
        ValidationOutcome v = validation.atEpochEnd(model, net.lossName, progress.epochsRun(), epoch, progress.runStart());
        log.addEpoch(new EpochPoint(epoch, step, net.learningRate((int) step, epoch - 1), progress.lastTrainLoss(), v.loss(),
                v.metric(), v.predictionStd(), v.targetStd(), seconds));
        long t0 = System.nanoTime();
        doctor.check(Phase.TRAINING, log);
        timings.addRules(t0);
        progress.nextEpoch();
    }

    // ------------------------------------------------------------------ the run so far

    boolean probing() {
        return probe != null && probe.due();
    }

    /** Whether the epochs given to {@link TriageListener.Builder#epochs(int)} have all run. */
    boolean plannedEpochsDone() {
        return settings.plannedEpochs() > 0 && progress.epochsRun() >= settings.plannedEpochs();
    }

    /** Records how the run ended and runs the end-of-run checks. */
    void evaluateRun() {
        log.setEvaluation(new EvaluationSignals(progress.epochsRun(), stopReason(), progress.lastTrainLoss(), validation.lastLoss(),
                validation.lastMetric(), validation.lastScore(), Double.NaN, validation.bestEpoch(), validation.bestLoss(), false));
        doctor.check(Phase.EVALUATION, log);
    }

    /** The report's run metrics; null before training started. */
    RunMetrics metrics() {
        if (!started) {
            return null;
        }
        double seconds = (System.nanoTime() - progress.runStart()) / 1e9;
        return new RunMetrics(progress.epochsRun(), progress.lastTrainLoss(), validation.lastLoss(), null, stopReason(), seconds);
    }

    /** The checks that could not run and why: the listener's failure, the rules' missing signals, the adapter's notes. */
    List<SkippedCheck> checksNotRun() {
        List<SkippedCheck> out = new ArrayList<>();
        if (status.disabled()) {
            out.add(new SkippedCheck("all", "the listener switched itself off after an error (" + status.disabledReason()
                    + "): checks after that point did not run"));
        }
        doctor.skipped(log).forEach(s -> out.add(new SkippedCheck(s.rule(), s.reason())));
        notes.forEach(n -> out.add(new SkippedCheck("dl4j-adapter", n)));
        return out;
    }

    RunDescription description() {
        return new RunDescription(settings, scans, net);
    }

    boolean started() {
        return started;
    }

    RunLog log() {
        return log;
    }

    List<Finding> findings() {
        return doctor.findings();
    }

    TriageResult.NonFinite firstNonFinite() {
        return nonFinite.first();
    }

    long step() {
        return progress.step();
    }

    ListenerTimings timings() {
        return timings;
    }

    // ------------------------------------------------------------------ recording

    /** Reads the network and runs the data and configuration checks, the first time the listener hears from DL4J. */
    private void begin(Model model) {
        if (started) {
            return;
        }
        started = true;
        progress.startRun(System.nanoTime());
        net = NetworkFacts.read(model);
        notes.addAll(net.notes);
        log.setOrigin(new RunOrigin("dl4j", TriageListener.DL4J_VERSION, net.lossName, net.updaterName));
        DataScan train = scans.train();
        if (train != null && train.problem == null && train.features > 0) {
            log.setInputs(train.inputs());
            log.setData(DataScan.signals(train, scans.validation(), settings.classNames()));
        }
        probe = new LayerProbe(net, settings.probesPerEpoch(), train);
        if (!net.layers.isEmpty()) {
            log.setSetup(description().setup());
        }
        LOG.info("Triage is watching a {} with {} dense layer(s), loss {}, updater {}", net.kind, net.layers.size(), net.lossName,
                net.updaterName);
        doctor.check(Phase.DATA, log);
        doctor.check(Phase.CONFIG, log);
    }

    private String stopReason() {
        if (status.stopRequested()) {
            return "doctor_stop";
        }
        return nonFinite.found() ? "non_finite" : "completed";
    }

    private void probeActivationsIfDue() {
        if (probe.startIteration(progress.step())) {
            long t0 = System.nanoTime();
            probe.measureActivations(activations);
            timings.addProbe(t0);
        }
    }
}
