package dev.triage.dl4j;

import dev.triage.probe.log.ProbePoint;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;

/**
 * Per-layer measurements on a few probe iterations per epoch. A probe iteration is measured in three
 * callbacks because DL4J shows each quantity at a different time: the activations at the forward pass,
 * the gradient and the weights once the gradient is computed, and the update the updater applied at
 * {@code iterationDone}.
 */
final class LayerProbe {
    /** Iterations between probes when the number of batches per epoch is not known. */
    private static final long DEFAULT_INTERVAL = 25;

    private final NetworkFacts net;
    private final List<MappedLayer> layers;
    private final boolean enabled;
    private final long interval;
    private boolean due;
    private final double[] gradNorm;
    private final double[] weightNorm;
    private final double[] activationStd;
    private final double[] zeroFraction;
    private final double[] deadFraction;
    private final double[] saturatedFraction;

    /** Spreads {@code probesPerEpoch} probes evenly over the batches the scan counted in an epoch. */
    LayerProbe(NetworkFacts net, int probesPerEpoch, DataScan trainScan) {
        this.net = net;
        this.layers = net.layers;
        int n = layers.size();
        gradNorm = new double[n];
        weightNorm = new double[n];
        activationStd = new double[n];
        zeroFraction = new double[n];
        deadFraction = new double[n];
        saturatedFraction = new double[n];
        enabled = probesPerEpoch > 0;
        interval = trainScan != null && trainScan.batches > 0 && enabled ? Math.max(1, trainScan.batches / probesPerEpoch)
                : DEFAULT_INTERVAL;
    }

    /** Decides at the forward pass whether this iteration is a probe iteration. */
    boolean startIteration(long step) {
        due = enabled && step % interval == 0;
        return due;
    }

    /** Whether the current iteration is a probe iteration not yet recorded. */
    boolean due() {
        return due;
    }

    void measureActivations(ForwardActivations activations) {
        for (int i = 0; i < layers.size(); i++) {
            MappedLayer layer = layers.get(i);
            Measure.Activations stats = Measure.activations(activations.of(layer), layer.facts().activation());
            activationStd[i] = stats.std();
            zeroFraction[i] = stats.zero();
            deadFraction[i] = stats.dead();
            saturatedFraction[i] = stats.saturated();
        }
    }

    void measureGradients(Model model) {
        Gradient gradient = model.gradient();
        // DL4J's gradient is summed over the mini-batch here; its updater divides by the batch size later
        double perRow = ModelAccess.miniBatch(model) ? Math.max(1, model.batchSize()) : 1;
        for (int i = 0; i < layers.size(); i++) {
            String key = layers.get(i).weightKey();
            gradNorm[i] = gradient == null ? Double.NaN : Measure.norm(gradient.getGradientFor(key)) / perRow;
            weightNorm[i] = Measure.norm(ModelAccess.param(model, key));
        }
    }

    /**
     * Completes the probe at {@code iterationDone}, where DL4J's gradient view holds the update the
     * updater applied (learning rate, momentum and all).
     */
    ProbePoint record(Model model, int iteration, int dl4jEpoch, int epoch, long step, double score) {
        due = false;
        int n = layers.size();
        double[] update = new double[n];
        Gradient gradient = model.gradient();
        for (int i = 0; i < n; i++) {
            update[i] = gradient == null ? Double.NaN : Measure.norm(gradient.getGradientFor(layers.get(i).weightKey()));
        }
        return new ProbePoint(epoch, step, net.learningRate(iteration, dl4jEpoch), score, gradNorm.clone(), weightNorm.clone(),
                update, activationStd.clone(), null, zeroFraction.clone(), deadFraction.clone(), saturatedFraction.clone(),
                Double.NaN);
    }
}
