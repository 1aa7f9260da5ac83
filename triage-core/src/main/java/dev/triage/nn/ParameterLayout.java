package dev.triage.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each parameter tensor lives in a network's flat parameter array: layer by layer, the weights
 * (fanIn x units), the bias, then batch norm's scale and shift. Also holds per-tensor scratch (the
 * squared gradient norm of the current step) for gradient normalization.
 */
public final class ParameterLayout {
    /** The kinds of tensors, in their order within a layer. */
    public enum Kind { WEIGHT, BIAS, BN_SCALE, BN_SHIFT }

    private final int[] offset;
    private final int[] length;
    private final int[] layer;
    private final Kind[] kind;
    private final double[] lrScale;
    private final double[] squaredNorm;
    private final int size;

    public ParameterLayout(NetworkSpec spec) {
        List<int[]> entries = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        int at = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec s = spec.layers().get(l);
            int units = s.units();
            at = add(entries, kinds, scales, at, spec.fanIn(l) * units, l, Kind.WEIGHT, s.learningRateScale());
            at = add(entries, kinds, scales, at, units, l, Kind.BIAS, s.learningRateScale());
            if (s.batchNorm()) {
                at = add(entries, kinds, scales, at, units, l, Kind.BN_SCALE, s.learningRateScale());
                at = add(entries, kinds, scales, at, units, l, Kind.BN_SHIFT, s.learningRateScale());
            }
        }
        int n = entries.size();
        offset = new int[n];
        length = new int[n];
        layer = new int[n];
        kind = kinds.toArray(new Kind[0]);
        lrScale = new double[n];
        squaredNorm = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = entries.get(i)[0];
            length[i] = entries.get(i)[1];
            layer[i] = entries.get(i)[2];
            lrScale[i] = scales.get(i);
        }
        size = at;
    }

    private static int add(List<int[]> entries, List<Kind> kinds, List<Double> scales, int at, int len, int layer,
                           Kind kind, double scale) {
        entries.add(new int[] {at, len, layer});
        kinds.add(kind);
        scales.add(scale);
        return at + len;
    }

    public int count() {
        return offset.length;
    }

    public int size() {
        return size;
    }

    public int offset(int s) {
        return offset[s];
    }

    public int end(int s) {
        return offset[s] + length[s];
    }

    public int layer(int s) {
        return layer[s];
    }

    public Kind kind(int s) {
        return kind[s];
    }

    public boolean isWeight(int s) {
        return kind[s] == Kind.WEIGHT;
    }

    public double lrScale(int s) {
        return lrScale[s];
    }

    public double squaredNorm(int s) {
        return squaredNorm[s];
    }

    public void setSquaredNorm(int s, double value) {
        squaredNorm[s] = value;
    }

    /** Records per-layer weight norms of a full step from the parameters before and after it (L-BFGS). */
    public void recordNorms(double[] before, double[] after, double[] gradient, StepStats out) {
        for (int s = 0; s < count(); s++) {
            if (!isWeight(s)) {
                continue;
            }
            double g = 0;
            double w = 0;
            double u = 0;
            for (int i = offset(s); i < end(s); i++) {
                g += gradient[i] * gradient[i];
                w += after[i] * after[i];
                u += (after[i] - before[i]) * (after[i] - before[i]);
            }
            int l = layer(s);
            out.gradNorm[l] = Math.sqrt(g);
            out.weightNorm[l] = Math.sqrt(w);
            out.updateNorm[l] = Math.sqrt(u);
            if (!Double.isFinite(g)) {
                out.markNonFinite(l, Tensor.GRADIENT);
            } else if (!Double.isFinite(w)) {
                out.markNonFinite(l, Tensor.WEIGHT);
            }
        }
    }
}
