package dev.triage.probe.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything recorded about one run, in order. Recorders append to it as the run goes; rules only
 * read it. Parts that were not recorded stay null or empty, and {@link #available()} says which
 * kinds of signal are present.
 */
public final class RunLog {
    private RunSetup setup;
    private DataSignals data;
    private Baselines baselines;
    private InitSignals init;
    private final List<EpochPoint> epochs = new ArrayList<>();
    private final List<ProbePoint> probes = new ArrayList<>();
    private final List<LossCall> lossCalls = new ArrayList<>();
    private RunOrigin origin = RunOrigin.TRIAGE;
    private InputStats inputs;
    private TargetStats targets;
    private long[] stepNumbers = new long[256];
    private double[] stepLosses = new double[256];
    private int stepCount;
    private NonFiniteEvent nonFinite;
    private boolean validation;
    private boolean gradients;
    private boolean activations;
    private EvaluationSignals evaluation;

    public RunSetup setup() {
        return setup;
    }

    public DataSignals data() {
        return data;
    }

    public Baselines baselines() {
        return baselines;
    }

    public InitSignals init() {
        return init;
    }

    public List<EpochPoint> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public List<ProbePoint> probes() {
        return Collections.unmodifiableList(probes);
    }

    /** The loss calls a probe recorded (one per distinct shape signature); empty for Triage's own runs. */
    public List<LossCall> lossCalls() {
        return Collections.unmodifiableList(lossCalls);
    }

    /** The framework that trained the run and its own names for the loss and optimizer. */
    public RunOrigin origin() {
        return origin;
    }

    /** What the network received, as measured by another framework's probe; null for Triage's own runs. */
    public InputStats inputs() {
        return inputs;
    }

    /** What the loss received as targets, as measured by another framework's probe; null for Triage's own runs. */
    public TargetStats targets() {
        return targets;
    }

    public void setTargets(TargetStats t) {
        targets = t;
    }

    public void setInputs(InputStats i) {
        inputs = i;
    }

    public void setOrigin(RunOrigin o) {
        origin = o;
    }

    public void addLossCall(LossCall c) {
        lossCalls.add(c);
    }

    public NonFiniteEvent nonFinite() {
        return nonFinite;
    }

    public EvaluationSignals evaluation() {
        return evaluation;
    }

    /** Loss of every recorded step, in order. */
    public double[] stepLosses() {
        return Arrays.copyOf(stepLosses, stepCount);
    }

    public long[] stepNumbers() {
        return Arrays.copyOf(stepNumbers, stepCount);
    }

    public int stepCount() {
        return stepCount;
    }

    public EpochPoint lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** The kinds of signal this log holds. */
    public Set<Signal> available() {
        Set<Signal> s = EnumSet.noneOf(Signal.class);
        add(s, Signal.SETUP, setup != null);
        add(s, Signal.DATA, data != null);
        add(s, Signal.BASELINES, baselines != null);
        add(s, Signal.INIT, init != null);
        add(s, Signal.EPOCH_LOSSES, !epochs.isEmpty());
        add(s, Signal.VALIDATION, validation);
        add(s, Signal.LAYER_GRADIENTS, gradients);
        add(s, Signal.LAYER_ACTIVATIONS, activations);
        add(s, Signal.EVALUATION, evaluation != null);
        add(s, Signal.LOSS_CALLS, !lossCalls.isEmpty());
        add(s, Signal.INPUTS, inputs != null);
        add(s, Signal.STEP_LOSSES, stepCount > 0);
        return s;
    }

    private static void add(Set<Signal> s, Signal signal, boolean present) {
        if (present) {
            s.add(signal);
        }
    }

    public void setSetup(RunSetup s) {
        setup = s;
    }

    public void setData(DataSignals d) {
        data = d;
    }

    public void setBaselines(Baselines b) {
        baselines = b;
    }

    public void setInit(InitSignals i) {
        init = i;
    }

    public void addEpoch(EpochPoint e) {
        epochs.add(e);
        validation |= !Double.isNaN(e.validationLoss());
    }

    public void addProbe(ProbePoint p) {
        probes.add(p);
        gradients |= p.gradNorm() != null;
        activations |= p.deadFraction() != null || p.saturatedFraction() != null || p.zeroFraction() != null;
    }

    public void addStep(long step, double loss) {
        if (stepCount == stepLosses.length) {
            stepLosses = Arrays.copyOf(stepLosses, stepCount * 2);
            stepNumbers = Arrays.copyOf(stepNumbers, stepCount * 2);
        }
        stepNumbers[stepCount] = step;
        stepLosses[stepCount++] = loss;
    }

    /** Keeps the first non-finite event only. */
    public void setNonFinite(NonFiniteEvent e) {
        if (nonFinite == null) {
            nonFinite = e;
        }
    }

    /** Replaces the non-finite event with an earlier one (a reader that learns of the true first one later). */
    public void replaceNonFinite(NonFiniteEvent e) {
        nonFinite = e;
    }

    public void setEvaluation(EvaluationSignals e) {
        evaluation = e;
    }
}
