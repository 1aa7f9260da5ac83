package dev.triage.diagnose.data;

import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.FeatureAssociation;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_TARGET_LEAK: one feature predicts the target almost perfectly, far better than any other.
 *
 * <p><b>Signal:</b> per feature, its strength alone: for regression the larger of |Pearson r| and the
 * square root of the held-out R² of a nearest-value predictor (so a binned or otherwise monotone copy
 * of the target counts); for classification the held-out accuracy of the best one-feature rule (a
 * threshold, the nearest value's class — which finds a row number on a file sorted by class — or the
 * category's class), which must also beat always predicting the majority class by {@code minLift}.
 * It leaks when its strength is at least {@code bound} (accuracy, default 0.99) or
 * {@code correlationBound} (regression, default 0.98), it stands out from the strongest other feature
 * (at least {@code minLift}, default 0.05, above it, or at most half its error), and — when the
 * baselines were fitted — it leaves at most {@code residualFactor} (default 2) times the error the best
 * baseline leaves with every feature (a leaked column is sufficient by itself; a target that merely
 * depends most on one input is still predicted much better from all of them). Held-out scores from
 * fewer than {@code minScored} (default 20) rows are too coarse to call anything perfect. A data set
 * with a single feature has nothing to compare with: a feature that explains the target is then the
 * problem itself, not a leak.
 * <b>Likely causes:</b> a column computed from the target, recorded after the outcome, or a copy of
 * it. Scores look excellent and collapse in production. <b>Remedies:</b> drop the leaking column.
 */
public final class TargetLeakRule extends BaseRule {
    private final double bound;
    private final double correlationBound;
    private final double minLift;
    private final double residualFactor;
    private final int minScored;

    public TargetLeakRule() {
        this(0.99, 0.98, 0.05, 2, 20);
    }

    public TargetLeakRule(double bound, double correlationBound, double minLift, double residualFactor, int minScored) {
        super("target-leak", "DATA_TARGET_LEAK", Phase.DATA, Signal.DATA);
        this.bound = bound;
        this.correlationBound = correlationBound;
        this.minLift = minLift;
        this.residualFactor = residualFactor;
        this.minScored = minScored;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<FeatureAssociation> all = log.data().associations();
        List<Finding> out = new ArrayList<>();
        for (FeatureAssociation a : all) {
            double strength = strength(a);
            double others = all.stream().filter(o -> o != a).mapToDouble(TargetLeakRule::strength).filter(Double::isFinite)
                    .max().orElse(Double.NaN);
            boolean classification = Double.isNaN(a.absCorrelation());
            boolean beatsMajority = !classification || a.singleFeatureScore() - a.majorityShare() >= minLift;
            boolean standsOut = strength - others >= minLift || 1 - strength <= 0.5 * (1 - others);
            boolean enoughRows = a.scoredRows() == 0 || a.scoredRows() >= minScored;
            if (!(strength >= (classification ? bound : correlationBound)) || !beatsMajority || !standsOut || !enoughRows
                    || !aloneAsGoodAsAll(log, strength, classification)) {
                continue;
            }
            String msg = classification
                    ? a.column() + " alone predicts the class with " + Fmt.pct(strength) + " held-out accuracy (majority class: "
                    + Fmt.pct(a.majorityShare()) + "; the best other feature: " + Fmt.pct(others) + "): it probably leaks the label"
                    : a.column() + " alone explains the target (|r| = " + Fmt.num(a.absCorrelation()) + ", strength "
                    + Fmt.num(strength) + "; the best other feature: " + Fmt.num(others) + "): it is probably derived from the target";
            Evidence ev = (classification ? Evidence.of("single_feature_accuracy", strength).and("majority_share", a.majorityShare())
                    : Evidence.of("abs_correlation", a.absCorrelation()).and("strength", strength))
                    .and("best_other_feature", others).and("bound", classification ? bound : correlationBound);
            out.add(before(Severity.ERROR, Subject.column(a.column()), msg, ev, Remedy.DROP_LEAKING_FEATURE));
        }
        return out;
    }

    /**
     * Whether the feature alone leaves at most {@code residualFactor} times the error the best baseline
     * leaves with every feature (true without baselines to compare with). A leaked column is sufficient by
     * itself; a feature the target genuinely depends on most leaves an error the other features still
     * reduce a lot (a target that is a linear combination dominated by one input).
     */
    private boolean aloneAsGoodAsAll(RunLog log, double strength, boolean classification) {
        Baselines b = log.baselines();
        BaselineResult best = b == null ? null : b.bestResult();
        BaselineResult trivial = b == null ? null : b.trivialResult();
        if (best == null || trivial == null || !(trivial.validationLoss() > 0)) {
            return true;
        }
        double alone = classification ? 1 - strength : 1 - strength * strength;
        double all = classification ? 1 - best.validation() : best.validationLoss() / trivial.validationLoss();
        return alone <= residualFactor * all + 1e-3;
    }

    /** Correlation-scale strength (regression) or held-out accuracy (classification). */
    static double strength(FeatureAssociation a) {
        if (Double.isNaN(a.absCorrelation())) {
            return a.singleFeatureScore();
        }
        return Math.max(a.absCorrelation(), Math.sqrt(Math.max(0, a.singleFeatureScore())));
    }
}
