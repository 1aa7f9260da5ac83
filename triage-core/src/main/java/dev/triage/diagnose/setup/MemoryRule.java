package dev.triage.diagnose.setup;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * CONFIG_MEMORY: training needs more memory than the JVM may use.
 *
 * <p><b>Signal:</b> the estimate of parameters, gradients, optimizer state, weight copies, batch
 * buffers and data, against the maximum heap. Error above the heap, warning above
 * {@code warnShare} (default 0.8) of it. <b>Likely causes:</b> very wide layers, a huge batch, a large
 * file. <b>Remedies:</b> a smaller batch or network, more heap ({@code TRIAGE_JAVA_OPTS=-Xmx8g}).
 */
public final class MemoryRule extends BaseRule {
    private final double warnShare;

    public MemoryRule() {
        this(0.8);
    }

    public MemoryRule(double warnShare) {
        super("memory", "CONFIG_MEMORY", Phase.CONFIG, Signal.SETUP);
        this.warnShare = warnShare;
    }

    @Override
    public List<Finding> check(RunLog log) {
        RunSetup s = log.setup();
        if (s.maxHeapBytes() <= 0 || s.estimatedBytes() <= warnShare * s.maxHeapBytes()) {
            return none();
        }
        Severity sev = s.estimatedBytes() > s.maxHeapBytes() ? Severity.ERROR : Severity.WARNING;
        String msg = "training needs about " + mb(s.estimatedBytes()) + " MB but the JVM may use " + mb(s.maxHeapBytes())
                + " MB; raise it with TRIAGE_JAVA_OPTS=-Xmx<size> or shrink the batch or network";
        return List.of(before(sev, Subject.NONE, msg, Evidence.of("estimated_mb", mb(s.estimatedBytes())).and("heap_mb", mb(s.maxHeapBytes())),
                Remedy.CHANGE_BATCH_SIZE, Remedy.REDUCE_CAPACITY));
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
