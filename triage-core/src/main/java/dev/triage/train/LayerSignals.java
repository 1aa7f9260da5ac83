package dev.triage.train;

import dev.triage.nn.StepStats;

/**
 * An immutable copy of a probed step's per-layer measurements (index = layer, 0-based). Taken only on
 * probe steps, so recording them costs an allocation every few steps, not every step.
 */
public record LayerSignals(double[] gradNorm, double[] weightNorm, double[] updateNorm, double[] actMean,
                           double[] actStd, double[] preActStd, double[] zeroFraction, double[] deadFraction,
                           double[] saturatedFraction, double predictionStd, double loss) {

    public static LayerSignals copyOf(StepStats s) {
        return new LayerSignals(s.gradNorm.clone(), s.weightNorm.clone(), s.updateNorm.clone(), s.actMean.clone(),
                s.actStd.clone(), s.preActStd.clone(), s.zeroFraction.clone(), s.deadFraction.clone(),
                s.saturatedFraction.clone(), s.predictionStd, s.loss);
    }

    public int layers() {
        return gradNorm.length;
    }

    /** ||update|| / ||weights|| of a layer (NaN when the weights are zero). */
    public double updateRatio(int layer) {
        return weightNorm[layer] > 0 ? updateNorm[layer] / weightNorm[layer] : Double.NaN;
    }
}
