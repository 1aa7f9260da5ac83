package dev.triage.diagnose;

import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.LossCall;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import java.util.List;

/**
 * Diagnoses a recorded run as if the doctor had watched it live: the data, config and init rules
 * first, then the training rules at every epoch end (and at the first non-finite step) on the log as
 * it stood then, then the end-of-run rules. So {@code triage diagnose} of a run folder finds exactly
 * what the live doctor found, with the same epochs and steps.
 */
public final class Replay {
    private final RunLog recorded;
    private final RunLog live = new RunLog();
    private final long[] numbers;
    private final double[] losses;
    private int steps;
    private int probes;
    private int calls;

    private Replay(RunLog recorded) {
        this.recorded = recorded;
        this.numbers = recorded.stepNumbers();
        this.losses = recorded.stepLosses();
    }

    /** Runs {@code doctor} over the recorded log and returns it, holding every finding. */
    public static Doctor run(RunLog recorded, Doctor doctor) {
        new Replay(recorded).replay(doctor);
        return doctor;
    }

    private void replay(Doctor doctor) {
        live.setOrigin(recorded.origin());
        live.setInputs(recorded.inputs());
        live.setTargets(recorded.targets());
        live.setSetup(recorded.setup());
        live.setData(recorded.data());
        live.setBaselines(recorded.baselines());
        doctor.check(Phase.DATA, live);
        doctor.check(Phase.CONFIG, live);
        if (recorded.init() != null) {
            live.setInit(recorded.init());
            doctor.check(Phase.INIT, live);
        }
        NonFiniteEvent nonFinite = recorded.nonFinite();
        for (EpochPoint e : recorded.epochs()) {
            if (nonFinite != null && live.nonFinite() == null && nonFinite.step() <= e.step()) {
                atNonFinite(doctor, nonFinite);
            }
            advanceTo(e.step());
            live.addEpoch(e);
            doctor.check(Phase.TRAINING, live);
        }
        if (nonFinite != null && live.nonFinite() == null) {
            atNonFinite(doctor, nonFinite);
        }
        advanceTo(Long.MAX_VALUE);
        doctor.check(Phase.TRAINING, live);
        if (recorded.evaluation() != null) {
            live.setEvaluation(recorded.evaluation());
        }
        doctor.check(Phase.EVALUATION, live);
    }

    private void atNonFinite(Doctor doctor, NonFiniteEvent e) {
        advanceTo(e.step());
        live.setNonFinite(e);
        doctor.check(Phase.TRAINING, live);
    }

    /** Adds the recorded steps, probes and loss calls up to and including {@code step}. */
    private void advanceTo(long step) {
        for (; steps < numbers.length && numbers[steps] <= step; steps++) {
            live.addStep(numbers[steps], losses[steps]);
        }
        List<ProbePoint> p = recorded.probes();
        for (; probes < p.size() && p.get(probes).step() <= step; probes++) {
            live.addProbe(p.get(probes));
        }
        List<LossCall> c = recorded.lossCalls();
        for (; calls < c.size() && c.get(calls).step() <= step; calls++) {
            live.addLossCall(c.get(calls));
        }
    }
}
