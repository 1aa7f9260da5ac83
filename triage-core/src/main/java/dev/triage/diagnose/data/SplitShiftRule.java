package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.ColumnShift;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_SPLIT_SHIFT: a feature is distributed very differently in the test rows than in training.
 *
 * <p><b>Signal:</b> per numeric feature, the standardized mean difference (in training standard
 * deviations) and the two-sample Kolmogorov-Smirnov statistic between training and test rows, with at
 * least {@code minRows} rows on each side. Defaults: |mean shift| above {@code 1.0} or KS above
 * {@code 0.5}; random splits of one file stay far below both. <b>Likely causes:</b> a test file in
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
            if (!(Math.abs(s.meanShift()) > meanShift || s.ks() > ksBound)) {
                continue;
            }
            String msg = s.column() + " is distributed differently in the test rows: its mean is " + Fmt.num(s.meanShift())
                    + " training standard deviations away (spread ratio " + Fmt.num(s.stdRatio()) + ", KS " + Fmt.num(s.ks())
                    + ")" + (separate ? "; the test file may use other units" : "");
            Evidence ev = Evidence.of("mean_shift_in_std", s.meanShift()).and("ks", s.ks()).and("std_ratio", s.stdRatio())
                    .and("mean_shift_bound", meanShift).and("ks_bound", ksBound);
            out.add(separate ? before(Severity.ERROR, s.column(), msg, ev)
                    : before(Severity.WARNING, s.column(), msg, ev, Remedy.SHUFFLE_SPLIT));
        }
        return out;
    }
}
