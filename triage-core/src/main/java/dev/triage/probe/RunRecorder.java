package dev.triage.probe;

import dev.triage.nn.Tensor;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.train.AfterBackward;
import dev.triage.train.BatchEnded;
import dev.triage.train.EpochEnded;
import dev.triage.train.LayerSignals;
import dev.triage.train.TrainingListener;

/** Fills a {@link RunLog} from Triage's own training loop. */
public final class RunRecorder implements TrainingListener {
    private final RunLog log;
    private double lastFiniteLoss = Double.NaN;

    public RunRecorder(RunLog log) {
        this.log = log;
    }

    public RunLog log() {
        return log;
    }

    @Override
    public void onBatchEnd(BatchEnded e) {
        log.addStep(e.step(), e.loss());
        if (e.isFinite()) {
            lastFiniteLoss = e.loss();
            return;
        }
        int layer = e.nonFiniteLayer() < 0 ? 0 : e.nonFiniteLayer();
        NonFiniteEvent.Quantity q = e.nonFiniteTensor() == null ? NonFiniteEvent.Quantity.LOSS : quantity(e.nonFiniteTensor());
        log.setNonFinite(new NonFiniteEvent(e.epoch(), e.step(), layer, q, lastFiniteLoss));
    }

    private static NonFiniteEvent.Quantity quantity(Tensor t) {
        return switch (t) {
            case LOSS -> NonFiniteEvent.Quantity.LOSS;
            case ACTIVATION -> NonFiniteEvent.Quantity.ACTIVATION;
            case GRADIENT -> NonFiniteEvent.Quantity.GRADIENT;
            case WEIGHT -> NonFiniteEvent.Quantity.WEIGHT;
        };
    }

    @Override
    public void onAfterBackward(AfterBackward e) {
        LayerSignals s = e.signals();
        log.addProbe(new ProbePoint(e.epoch(), e.step(), e.learningRate(), s.loss(), s.gradNorm(), s.weightNorm(),
                s.updateNorm(), s.actStd(), s.preActStd(), s.zeroFraction(), s.deadFraction(), s.saturatedFraction(),
                s.predictionStd()));
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        log.addEpoch(new EpochPoint(e.epoch(), e.step(), e.learningRate(), e.trainLoss(), e.validationLoss(),
                e.validationMetric(), e.predictionStd(), e.targetStd(), e.seconds()));
    }
}
