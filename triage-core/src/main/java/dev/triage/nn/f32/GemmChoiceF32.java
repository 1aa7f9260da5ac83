package dev.triage.nn.f32;

/**
 * Picks the matrix kernels once: the Vector API ones when {@code jdk.incubator.vector} is in the boot
 * layer (the launcher adds it) and vectors hold at least 4 lanes, otherwise plain Java. The vector
 * class is only loaded when it can be used, so the library runs on JVMs without the module.
 */
final class GemmChoiceF32 {
    static final GemmF32 BEST = choose();

    private GemmChoiceF32() {
    }

    private static GemmF32 choose() {
        if (Boolean.getBoolean("triage.scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarGemmF32();
        }
        try {
            GemmF32 vector = (GemmF32) Class.forName(GemmChoiceF32.class.getPackageName() + ".VectorGemmF32")
                    .getDeclaredConstructor().newInstance();
            return ((VectorGemmF32) vector).lanes() >= 4 ? vector : new ScalarGemmF32();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarGemmF32();
        }
    }

    /** Which kernels are in use, for reports and benchmarks. */
    static String name() {
        return BEST.getClass().getSimpleName();
    }
}
