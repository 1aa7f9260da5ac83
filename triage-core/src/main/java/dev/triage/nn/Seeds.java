package dev.triage.nn;

/**
 * Derives independent, reproducible seeds from the run seed (SplitMix64 mixing). Every random stream
 * in a run (weights of each layer, the shuffle of each epoch, dropout masks) is a pure function of
 * the run seed and its purpose, so a resumed run draws exactly what an uninterrupted one would.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** SplitMix64's finalizer: a bijective, well-mixed function of a 64-bit value. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of stream {@code purpose}/{@code index} of a run. */
    public static long derive(long seed, long purpose, long index) {
        return mix(mix(seed + GOLDEN * (purpose + 1)) + GOLDEN * (index + 1));
    }

    /** Purposes (arbitrary distinct constants). */
    public static final long WEIGHTS = 0x57;
    public static final long SHUFFLE = 0x5f;
    public static final long DROPOUT = 0xd0;
    public static final long SPLIT = 0x5b;
    public static final long PROBE = 0x9b;

    /**
     * The dropout decision for one activation as a uniform value in [0, 1): a counter-based hash of
     * (mask seed, step, batch position, unit), so it does not depend on threads or on earlier steps.
     */
    public static double dropoutUniform(long maskSeed, long step, int row, int unit) {
        long h = mix(maskSeed + step * GOLDEN + row * 0xBF58476D1CE4E5B9L + unit * 0x94D049BB133111EBL);
        return (h >>> 11) * 0x1.0p-53;
    }
}
