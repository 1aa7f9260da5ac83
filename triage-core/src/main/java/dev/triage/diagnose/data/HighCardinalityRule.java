package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_HIGH_CARDINALITY: a text (categorical) feature with nearly one value per row.
 *
 * <p><b>Signal:</b> the distinct values of each text feature against its non-missing values: at least
 * {@code share} (default 0.5) of them distinct, over at least {@code minRows} (default 20) rows.
 * <b>Likely causes:</b> an identifier (names, codes, keys) or free text used as a feature. One-hot
 * encoding turns it into about one column per row — values seen once in training, never again — so
 * the network memorizes rows instead of learning, and unseen values in new data map to nothing.
 * A warning. <b>Remedies:</b> drop the column (or derive a coarser feature from it by hand).
 */
public final class HighCardinalityRule extends BaseRule {
    private final double share;
    private final int minRows;

    public HighCardinalityRule() {
        this(0.5, 20);
    }

    public HighCardinalityRule(double share, int minRows) {
        super("high-cardinality", "DATA_HIGH_CARDINALITY", Phase.DATA, Signal.DATA);
        this.share = share;
        this.minRows = minRows;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<Finding> out = new ArrayList<>();
        for (ColumnProfile c : log.data().features()) {
            long present = c.count() - c.missing();
            double ratio = c.distinct() / (double) Math.max(1, present);
            if (c.numeric() || present < minRows || ratio < share) {
                continue;
            }
            String msg = c.name() + " is text with " + c.distinct() + (c.distinctCapped() ? "+" : "") + " distinct values in "
                    + present + " rows (" + Fmt.pct(ratio) + "): an identifier or free text, which one-hot encoding turns into"
                    + " about one column per row that the network can only memorize";
            out.add(before(Severity.WARNING, Subject.column(c.name()), msg, Evidence.of("distinct_values", c.distinct()).and("rows", present)
                    .and("distinct_share", ratio).and("bound", share), Remedy.DROP_COLUMN));
        }
        return out;
    }
}
