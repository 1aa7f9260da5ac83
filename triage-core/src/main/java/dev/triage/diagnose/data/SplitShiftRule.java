package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnShift;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_SPLIT_SHIFT: a feature is distributed very differently in the test rows than in training.
 *
 * <p><b>Signal:</b> per numeric feature, the standardized mean difference and the two-sample
 * Kolmogorov-Smirnov statistic between training and test rows, with at least {@code minRows} rows on
 * each side. The mean difference is judged in pooled standard deviations (of training and test
 * together): in training standard deviations alone, a nearly constant column (an image's border pixel,
 * non-zero in a handful of rows) swings by many "deviations" between any two random splits. Defaults:
 * |mean shift| above {@code 1.0} pooled deviations or KS above {@code 0.5}; random splits of one file
 * stay far below both (docs/calibration.md). <b>Likely causes:</b> a test file in
 * other units or from another source, or an unshuffled split of sorted data. Test metrics then say
 * nothing about the model; an error for a separate test file, a warning for a split of one file.
 * <b>Remedies:</b> bring the test data to the training units; shuffle the split. No configuration
 * change can repair a test file in other units.
 */
public final class SplitShiftRule extends BaseRule {
    private final double meanShift;
    private final double ksBound;
    private final int minRows;

    public SplitShiftRule() {
        this(1.0, 0.5, 20);
    }

    public SplitShiftRule(double meanShift, double ksBound, int minRows) {
        super("split-shift", "DATA_SPLIT_SHIFT", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.meanShift = meanShift;
        this.ksBound = ksBound;
        this.minRows = minRows;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<Finding> out = new ArrayList<>();
        boolean separate = log.data().separateTestFile();
        for (ColumnShift s : log.data().shifts()) {
            if (s.trainRows() < minRows || s.testRows() < minRows) {
                continue;
            }
            if (!(Math.abs(pooled(s)) > meanShift || s.ks() > ksBound)) {
                continue;
            }
            String msg = s.column() + " is distributed differently in the test rows: its mean is " + Fmt.num(s.meanShift())
                    + " training standard deviations away (spread ratio " + Fmt.num(s.stdRatio()) + ", KS " + Fmt.num(s.ks())
                    + ")" + (separate ? "; the test file may use other units" : "");
            Evidence ev = Evidence.of("mean_shift_in_std", s.meanShift()).and("mean_shift_in_pooled_std", pooled(s))
                    .and("ks", s.ks()).and("std_ratio", s.stdRatio()).and("mean_shift_bound", meanShift).and("ks_bound", ksBound);
            out.add(separate ? before(Severity.ERROR, Subject.column(s.column()), msg, ev)
                    : before(Severity.WARNING, Subject.column(s.column()), msg, ev, Remedy.SHUFFLE_SPLIT));
        }
        return out;
    }

    /** The mean difference in pooled standard deviations: sqrt((train variance + test variance) / 2). */
    static double pooled(ColumnShift s) {
        double r = s.stdRatio();
        return Double.isFinite(r) ? s.meanShift() / Math.sqrt((1 + r * r) / 2) : s.meanShift();
    }
}
