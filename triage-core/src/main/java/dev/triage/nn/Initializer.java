package dev.triage.nn;

import java.util.SplittableRandom;

/** Draws a layer's initial weights (in double; engines round to their precision). */
public final class Initializer {
    private Initializer() {
    }

    /** Fills {@code w} (fanIn x fanOut, row-major) for layer {@code layer} of a network seeded with {@code seed}. */
    public static void weights(LayerSpec spec, int fanIn, int layer, long seed, double[] w) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.WEIGHTS, layer));
        int fanOut = spec.units();
        double scale = spec.initScale();
        switch (spec.init()) {
            case HE_NORMAL -> normal(rng, w, Math.sqrt(2.0 / fanIn));
            case HE_UNIFORM -> uniform(rng, w, Math.sqrt(6.0 / fanIn));
            case XAVIER_NORMAL -> normal(rng, w, Math.sqrt(2.0 / (fanIn + fanOut)));
            case XAVIER_UNIFORM -> uniform(rng, w, Math.sqrt(6.0 / (fanIn + fanOut)));
            case LECUN_NORMAL -> normal(rng, w, Math.sqrt(1.0 / fanIn));
            case NORMAL -> normal(rng, w, scale);
            case UNIFORM -> uniform(rng, w, scale);
            case ZEROS -> java.util.Arrays.fill(w, 0.0);
            case CONSTANT -> java.util.Arrays.fill(w, scale);
            default -> throw new IllegalArgumentException("unresolved initializer " + spec.init());
        }
    }

    private static void normal(SplittableRandom rng, double[] w, double std) {
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() * std;
        }
    }

    private static void uniform(SplittableRandom rng, double[] w, double halfWidth) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (2 * rng.nextDouble() - 1) * halfWidth;
        }
    }
}
