package dev.triage.probe;

import dev.triage.config.CheckpointPolicy;
import dev.triage.config.DType;
import dev.triage.config.Optimizer;
import dev.triage.config.RunConfig;
import dev.triage.config.TrainingConfig;
import dev.triage.data.PreparedData;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunSetup;
import dev.triage.train.CheckpointWriter;
import java.util.ArrayList;
import java.util.List;

/** Describes a resolved configuration as {@link RunSetup} facts, with an estimate of the memory training needs. */
public final class SetupFacts {
    private SetupFacts() {
    }

    public static RunSetup of(RunConfig cfg, NetworkSpec net, PreparedData data, long maxHeap) {
        List<LayerFacts> layers = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec s = net.layers().get(l);
            layers.add(new LayerFacts(l, net.fanIn(l), s.units(), s.activation(), s.dropout(), s.batchNorm(), s.init(),
                    s.initScale(), s.biasInit()));
        }
        TrainingConfig t = cfg.training();
        return new RunSetup(data.target().task(), data.target().isClassification() ? data.target().classCount() : 0, layers,
                net.loss(), t.optimizer(), t.learningRate(), t.momentum(), t.batchSize(), t.totalEpochs(), data.train().rows(),
                data.validation().rows(), t.l1(), t.l2(), t.weightDecay(), t.gradientNormalization(), t.earlyStopping() != null,
                t.earlyStopping() != null && t.earlyStopping().restoreBest(), cfg.data().preprocess().scale(),
                cfg.data().preprocess().scaleTarget(), cfg.data().preprocess().impute(), cfg.data().split().shuffle(),
                stratified(cfg, data), net.parameterCount(),
                estimateBytes(t, net, data, cfg.output().checkpoints()), maxHeap, t.dtype(), t.schedule(), net.classWeights() != null);
    }

    private static boolean stratified(RunConfig cfg, PreparedData data) {
        dev.triage.config.Stratify s = cfg.data().split().stratify();
        return cfg.data().split().shuffle() && (s == dev.triage.config.Stratify.TRUE
                || (s == dev.triage.config.Stratify.AUTO && data.target().isClassification()));
    }

    /**
     * Bytes training holds at once: parameters with gradients, optimizer state, a double copy of the best
     * weights and the checkpoint snapshots (parameters and optimizer state in doubles, up to
     * {@link CheckpointWriter#SNAPSHOTS} of them while checkpoints are written in the background);
     * per-layer batch buffers; the encoded data twice (doubles and the engine's copy); and the table
     * read from the file.
     */
    static long estimateBytes(TrainingConfig t, NetworkSpec net, PreparedData data, CheckpointPolicy checkpoints) {
        long value = t.dtype() == DType.FLOAT64 ? 8 : 4;
        long params = net.parameterCount();
        long optimizerCopies = t.optimizer().profile().stateCopies();
        long snapshots = checkpoints == CheckpointPolicy.NONE ? 0 : CheckpointWriter.SNAPSHOTS;
        long paramBytes = params * (value * (2 + optimizerCopies) + 8 + snapshots * 8 * (1 + optimizerCopies));
        int batch = Math.max(1, Math.min(t.batchSize(), data.train().rows()));
        if (t.optimizer() == Optimizer.LBFGS) {
            batch = Math.min(data.train().rows(), 4096);
        }
        long units = net.inputs();
        for (LayerSpec s : net.layers()) {
            units += 6L * s.units();
        }
        long activationBytes = batch * units * value;
        long encodedValues = (long) (data.train().rows() + data.validation().rows() + data.test().rows()) * data.train().features();
        long dataBytes = encodedValues * (8 + value) + (long) data.table().rows() * data.table().columns().size() * 8;
        return paramBytes + activationBytes + dataBytes;
    }
}
