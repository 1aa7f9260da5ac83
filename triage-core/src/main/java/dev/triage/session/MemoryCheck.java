package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.SetupFacts;
import java.util.List;

/**
 * Training that would run out of memory does not start: with the doctor, a CONFIG_MEMORY error blocks
 * it (the run's report says why); without it, the same estimate is checked before the engine allocates.
 */
final class MemoryCheck {
    static final String CODE = "CONFIG_MEMORY";

    private MemoryCheck() {
    }

    /** The CONFIG_MEMORY error among {@code findings}, or null. */
    static Finding blocking(List<Finding> findings) {
        return findings.stream().filter(f -> CODE.equals(f.code()) && f.severity() == Severity.ERROR).findFirst().orElse(null);
    }

    /** Refuses (exit 2) when the doctor's CONFIG_MEMORY error kept the run from training. */
    static void requireTrained(Attempt a) {
        Finding f = blocking(a.findings());
        if (!a.trained() && f != null) {
            throw new InvalidInputException(CODE + ": " + f.message() + " (nothing was allocated; the report is in "
                    + ResumePlan.shown(a.folder()) + ")");
        }
    }

    /** The same estimate without the doctor, before the engine is allocated. */
    static void requireFits(RunConfig config, NetworkSpec net, PreparedData data) {
        long heap = Runtime.getRuntime().maxMemory();
        long need = SetupFacts.of(config, net, data, heap).estimatedBytes();
        if (heap > 0 && heap != Long.MAX_VALUE && need > heap) {
            throw new InvalidInputException(CODE + ": training needs about " + (need >> 20) + " MB but the JVM may use "
                    + (heap >> 20) + " MB; raise it with TRIAGE_JAVA_OPTS=-Xmx<size> or shrink training.batch_size or"
                    + " model.hidden (nothing was allocated)");
        }
    }
}
