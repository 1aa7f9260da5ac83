package dev.triage.nn;

import dev.triage.config.DType;
import dev.triage.nn.f32.EngineF32;
import dev.triage.nn.f64.EngineF64;

/** Creates an engine in the requested precision. */
public final class Engines {
    private Engines() {
    }

    /** A single-threaded engine. */
    public static Engine create(NetworkSpec spec, OptimizerSpec optimizer, DType dtype, int batchCapacity) {
        return create(spec, optimizer, dtype, batchCapacity, 1);
    }

    /** An engine that splits large batches over {@code threads} threads (results do not depend on it). */
    public static Engine create(NetworkSpec spec, OptimizerSpec optimizer, DType dtype, int batchCapacity, int threads) {
        return dtype == DType.FLOAT64 ? new EngineF64(spec, optimizer, batchCapacity, threads)
                : new EngineF32(spec, optimizer, batchCapacity, threads);
    }
}
