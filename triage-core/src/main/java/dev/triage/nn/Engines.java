package dev.triage.nn;

import dev.triage.config.DType;
import dev.triage.nn.f32.EngineF32;
import dev.triage.nn.f64.EngineF64;

/** Creates an engine in the requested precision. */
public final class Engines {
    private Engines() {
    }

    public static Engine create(NetworkSpec spec, OptimizerSpec optimizer, DType dtype, int batchCapacity) {
        return dtype == DType.FLOAT64 ? new EngineF64(spec, optimizer, batchCapacity)
                : new EngineF32(spec, optimizer, batchCapacity);
    }
}
