package dev.triage.nn.f32;

import dev.triage.config.GradientNormalization;
import dev.triage.nn.ParameterLayout;

/**
 * Gradient normalization, with DL4J's semantics for its five modes: per layer means all of a layer's
 * tensors together, per parameter type means each tensor (weights, bias, ...) on its own. Uses the
 * squared norms measured in the same step.
 */
final class GradientNormalizerF32 {
    private GradientNormalizerF32() {
    }

    static void apply(GradientNormalization mode, float threshold, float[] g, ParameterLayout seg) {
        switch (mode) {
            case NONE -> {
            }
            case CLIP_ELEMENT_WISE_ABSOLUTE_VALUE -> {
                for (int i = 0; i < seg.size(); i++) {
                    g[i] = Math.max(-threshold, Math.min(threshold, g[i]));
                }
            }
            case CLIP_L2_PER_PARAM_TYPE, RENORMALIZE_L2_PER_PARAM_TYPE -> {
                boolean clip = mode == GradientNormalization.CLIP_L2_PER_PARAM_TYPE;
                for (int s = 0; s < seg.count(); s++) {
                    scale(g, seg.offset(s), seg.end(s), factor(Math.sqrt(seg.squaredNorm(s)), threshold, clip));
                }
            }
            case CLIP_L2_PER_LAYER, RENORMALIZE_L2_PER_LAYER -> perLayer(mode == GradientNormalization.CLIP_L2_PER_LAYER,
                    threshold, g, seg);
            case CLIP_GLOBAL_NORM -> {
                double total = 0;
                for (int s = 0; s < seg.count(); s++) {
                    total += seg.squaredNorm(s);
                }
                scale(g, 0, seg.size(), factor(Math.sqrt(total), threshold, true));
            }
            default -> throw new IllegalArgumentException("unknown gradient normalization " + mode);
        }
    }

    private static void perLayer(boolean clip, float threshold, float[] g, ParameterLayout seg) {
        int s = 0;
        while (s < seg.count()) {
            int layer = seg.layer(s);
            int first = s;
            double sq = 0;
            while (s < seg.count() && seg.layer(s) == layer) {
                sq += seg.squaredNorm(s);
                s++;
            }
            scale(g, seg.offset(first), seg.end(s - 1), factor(Math.sqrt(sq), threshold, clip));
        }
    }

    /** Clip: shrink to the threshold when above it. Renormalize: always divide by the norm. */
    private static double factor(double norm, double threshold, boolean clip) {
        if (clip) {
            return norm > threshold ? threshold / norm : 1;
        }
        return norm > 0 ? 1 / norm : 1;
    }

    private static void scale(float[] g, int from, int to, double factor) {
        if (factor == 1) {
            return;
        }
        float f = (float) factor;
        for (int i = from; i < to; i++) {
            g[i] *= f;
        }
    }
}
