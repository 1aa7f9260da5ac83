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
import dev.triage.probe.log.UnseenCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_UNSEEN_CATEGORY: a text feature has values in validation or test that never occur in training.
 *
 * <p><b>Signal:</b> per text feature and held-out split, rows whose category the training split lacks.
 * <b>Likely causes:</b> rare categories, a split that is not stratified, new categories in a later
 * test file. One-hot encoding maps them to all zeros, so the network never learned anything about
 * them. A warning when the rows reach {@code infoShare} (default 1%) of their split, else an info:
 * calibration found one or two rows of a rare category in 12.8% of healthy runs (docs/calibration.md).
 * <b>Remedies:</b> stratify or enlarge the training split, group rare categories.
 */
public final class UnseenCategoryRule extends BaseRule {
    private final double infoShare;

    public UnseenCategoryRule() {
        this(0.01);
    }

    /** @param infoShare share of a split's rows below which unseen categories are an info, not a warning */
    public UnseenCategoryRule(double infoShare) {
        super("unseen-category", "DATA_UNSEEN_CATEGORY", Phase.DATA, Signal.DATA);
        this.infoShare = infoShare;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<Finding> out = new ArrayList<>();
        for (UnseenCategory u : log.data().unseen()) {
            String msg = u.rows() + " " + u.split() + " rows of " + u.column() + " have " + u.values()
                    + " value(s) never seen in training (e.g. '" + u.example() + "'); they are encoded as all zeros";
            long splitRows = "test".equals(u.split()) ? log.data().testRows() : log.data().validationRows();
            double share = splitRows > 0 ? u.rows() / (double) splitRows : 1;
            out.add(before(share >= infoShare ? Severity.WARNING : Severity.INFO, new Subject.Column(u.column(), u.split()), msg,
                    Evidence.of("rows", u.rows()).and("values", u.values()).and("share_of_split", share), Remedy.STRATIFY_SPLIT));
        }
        return out;
    }
}
