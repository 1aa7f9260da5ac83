package dev.triage.train;

import dev.triage.nn.StepStats;

/**
 * An immutable copy of a probed step's per-layer measurements (index = layer, 0-based). Taken only on
 * probe steps, so recording them costs an allocation every few steps, not every step. The activation
 * statistics are null when the step did not measure them (an L-BFGS step): the engine's buffers then
 * hold another step's values, which would depend on where a resumed run started.
 */
public record LayerSignals(double[] gradNorm, double[] weightNorm, double[] updateNorm, double[] actMean,
                           double[] actStd, double[] preActStd, double[] zeroFraction, double[] deadFraction,
                           double[] saturatedFraction, double predictionStd, double loss) {

    public static LayerSignals copyOf(StepStats s) {
        boolean a = s.probed;
        return new LayerSignals(s.gradNorm.clone(), s.weightNorm.clone(), s.updateNorm.clone(), a ? s.actMean.clone() : null,
                a ? s.actStd.clone() : null, a ? s.preActStd.clone() : null, a ? s.zeroFraction.clone() : null,
                a ? s.deadFraction.clone() : null, a ? s.saturatedFraction.clone() : null, s.predictionStd, s.loss);
    }

    public int layers() {
        return gradNorm.length;
    }

    /** ||update|| / ||weights|| of a layer (NaN when the weights are zero). */
    public double updateRatio(int layer) {
        return weightNorm[layer] > 0 ? updateNorm[layer] / weightNorm[layer] : Double.NaN;
    }
}
