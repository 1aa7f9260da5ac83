package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import dev.triage.probe.log.SplitClasses;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_CLASS_MISSING_IN_SPLIT: a class that occurs in one split is absent from another.
 *
 * <p><b>Signal:</b> class counts per split. <b>Likely causes:</b> a file sorted by class split without
 * shuffling (the test set is then one class), or a very rare class. A class missing from training
 * cannot be learned; one missing from validation or test makes those scores meaningless. Classes
 * with fewer than {@code tinyClass} rows in all (default 5) get a warning only. <b>Remedies:</b>
 * shuffle the split, stratify it.
 */
public final class ClassMissingInSplitRule extends BaseRule {
    private final int tinyClass;

    public ClassMissingInSplitRule() {
        this(5);
    }

    public ClassMissingInSplitRule(int tinyClass) {
        super("class-missing-in-split", "DATA_CLASS_MISSING_IN_SPLIT", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.tinyClass = tinyClass;
    }

    @Override
    public List<Finding> check(RunLog log) {
        SplitClasses c = log.data().classes();
        if (c == null) {
            return none();
        }
        List<Finding> out = new ArrayList<>();
        long[][] splits = {c.train(), c.validation(), c.test()};
        String[] names = {"training", "validation", "test"};
        for (int k = 0; k < c.classes().size(); k++) {
            List<String> absent = new ArrayList<>();
            long total = 0;
            for (int s = 0; s < 3; s++) {
                total += splits[s][k];
                if (splits[s][k] == 0 && sum(splits[s]) > 0) {
                    absent.add(names[s]);
                }
            }
            if (absent.isEmpty() || total == 0) {
                continue;
            }
            Severity sev = total < tinyClass ? Severity.WARNING : Severity.ERROR;
            String msg = "class '" + c.classes().get(k) + "' (" + total + " rows) is absent from the " + String.join(" and ", absent)
                    + " split" + (absent.size() > 1 ? "s" : "") + (log.setup().shuffled() ? "" : "; the rows were not shuffled");
            Evidence ev = Evidence.of("train_rows", c.train()[k]).and("validation_rows", c.validation()[k])
                    .and("test_rows", c.test()[k]);
            out.add(log.setup().shuffled() ? before(sev, new Subject.TargetClass(c.classes().get(k)), msg, ev, Remedy.STRATIFY_SPLIT)
                    : before(sev, new Subject.TargetClass(c.classes().get(k)), msg, ev, Remedy.SHUFFLE_SPLIT, Remedy.STRATIFY_SPLIT));
        }
        return out;
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }
}
