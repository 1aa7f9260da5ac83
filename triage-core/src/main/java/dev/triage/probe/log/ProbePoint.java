package dev.triage.probe.log;

/**
 * Per-layer measurements at one step (index = layer, 0-based). Any array may be null when that signal
 * was not recorded (e.g. a framework that reports gradients but not activations).
 */
public record ProbePoint(int epoch, long step, double learningRate, double loss, double[] gradNorm, double[] weightNorm,
                         double[] updateNorm, double[] actStd, double[] preActStd, double[] zeroFraction,
                         double[] deadFraction, double[] saturatedFraction, double predictionStd) {

    /** ||update|| / ||weights|| of a layer, NaN when unknown. */
    public double updateRatio(int layer) {
        if (updateNorm == null || weightNorm == null || !(weightNorm[layer] > 0)) {
            return Double.NaN;
        }
        return updateNorm[layer] / weightNorm[layer];
    }
}
