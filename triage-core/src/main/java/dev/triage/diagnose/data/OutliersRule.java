package dev.triage.diagnose.data;

import dev.triage.config.Scaling;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.OutlierSummary;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_OUTLIERS: values far outside the bulk of a numeric column.
 *
 * <p><b>Signal:</b> robust z-scores |x - median| / (1.4826 MAD) beyond the profile's bound (10), for
 * numeric features and a regression target whose MAD is not zero (a column that is mostly one value
 * has no robust spread to measure against). <b>Likely causes:</b> heavy-tailed real data (incomes,
 * areas, counts) — a warning when the features reach the network unscaled or min-max scaled (then the
 * outliers squeeze everything else), or when the outlying values are at least {@code noticeableShare}
 * (default 5%: a second population rather than a tail) of a column's rows; otherwise an info, since
 * standard scaling copes with a few extreme values (heavy tails warned on 71% of healthy calibration
 * runs, and on half of them at 1%: docs/calibration.md). A discrete column — integers with at most
 * {@code maxDiscreteValues} (default 256, a byte's range) distinct values: pixel intensities, grades,
 * counts — has no heavy tail to act on: its extremes are values of its own small scale (calibration found
 * the warning on pixel columns of every image data set, 0-255 with most pixels dark). Or sentinel codes for failed readings
 * (999, -1): the same extreme value repeated, at most {@code sentinelKinds} distinct extreme values, a score above
 * {@code sentinelScore} and at most {@code sentinelShare} of the rows — an error, since the network
 * learns from a fake value. <b>Remedies:</b> treat a sentinel as missing and impute; robust scaling
 * limits the influence of genuine outliers.
 */
public final class OutliersRule extends BaseRule {
    private final double sentinelScore;
    private final int sentinelKinds;
    private final double sentinelShare;
    private final double noticeableShare;
    private final int maxDiscreteValues;

    public OutliersRule() {
        this(20, 3, 0.1, 0.05, 256);
    }

    public OutliersRule(double sentinelScore, int sentinelKinds, double sentinelShare) {
        this(sentinelScore, sentinelKinds, sentinelShare, 0.05, 256);
    }

    public OutliersRule(double sentinelScore, int sentinelKinds, double sentinelShare, double noticeableShare,
                        int maxDiscreteValues) {
        super("outliers", "DATA_OUTLIERS", Phase.DATA, Signal.DATA, Signal.SETUP);
        this.sentinelScore = sentinelScore;
        this.sentinelKinds = sentinelKinds;
        this.sentinelShare = sentinelShare;
        this.noticeableShare = noticeableShare;
        this.maxDiscreteValues = maxDiscreteValues;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<Finding> out = new ArrayList<>();
        List<ColumnProfile> heavy = new ArrayList<>();
        for (ColumnProfile c : log.data().columns()) {
            OutlierSummary o = c.outliers();
            boolean classTarget = c.target() && log.setup().task() == dev.triage.config.Task.CLASSIFICATION;
            if (o == null || o.beyond() == 0 || classTarget || !(c.summary().mad() > 0)) {
                continue;
            }
            boolean sentinel = o.mostRepeatedCount() >= 2 && o.distinctBeyond() <= sentinelKinds && o.maxRobustZ() > sentinelScore
                    && o.mostRepeatedCount() <= sentinelShare * c.count();
            Evidence ev = Evidence.of("max_robust_z", o.maxRobustZ()).and("values_beyond", o.beyond())
                    .and("bound", o.bound()).and("median", c.summary().median());
            if (sentinel) {
                String msg = c.name() + " holds " + o.mostRepeatedCount() + " copies of " + Fmt.num(o.mostRepeated())
                        + ", " + Fmt.num(o.maxRobustZ()) + " robust standard deviations from its median "
                        + Fmt.num(c.summary().median()) + ": a sentinel for missing readings, not a measurement";
                out.add(before(Severity.ERROR, Subject.column(c.name()), msg, ev.and("sentinel", o.mostRepeated()),
                        Remedy.TREAT_OUTLIERS_AS_MISSING, Remedy.ROBUST_SCALE_FEATURES));
            } else if (!discrete(c)) {
                heavy.add(c);
            }
        }
        if (!heavy.isEmpty()) {
            out.add(heavyTails(heavy, log));
        }
        return out;
    }

    /** Integers with few distinct values: extremes on the column's own small grid, not a tail. */
    private boolean discrete(ColumnProfile c) {
        return c.integers() && !c.distinctCapped() && c.distinct() <= maxDiscreteValues;
    }

    /** One finding for all heavy-tailed columns, worst first; robust scaling offered only for features. */
    private Finding heavyTails(List<ColumnProfile> heavy, RunLog log) {
        heavy.sort((a, b) -> Double.compare(b.outliers().maxRobustZ(), a.outliers().maxRobustZ()));
        ColumnProfile worst = heavy.get(0);
        List<String> shown = heavy.stream().limit(5).map(c -> c.name() + " (" + c.outliers().beyond() + " values, up to "
                + Fmt.num(c.outliers().maxRobustZ()) + ")").toList();
        String msg = heavy.size() + " column(s) have values beyond " + Fmt.num(worst.outliers().bound())
                + " robust standard deviations from their median: " + String.join(", ", shown) + (heavy.size() > 5 ? ", ..." : "");
        Evidence ev = Evidence.of("columns", heavy.size()).and("max_robust_z", worst.outliers().maxRobustZ())
                .and("bound", worst.outliers().bound());
        Scaling scale = log.setup().scale();
        boolean squeezed = scale == Scaling.NONE || scale == Scaling.MINMAX;
        boolean noticeable = heavy.stream().anyMatch(c -> c.outliers().beyond() >= noticeableShare * c.count());
        boolean features = heavy.stream().anyMatch(c -> !c.target());
        Severity severity = features && (squeezed || noticeable) ? Severity.WARNING : Severity.INFO;
        Subject subject = worst.target() ? new Subject.Target(worst.name()) : Subject.column(worst.name());
        return features ? before(severity, subject, msg, ev, Remedy.ROBUST_SCALE_FEATURES) : before(severity, subject, msg, ev);
    }
}
