package dev.triage.diagnose.data;

import dev.triage.config.Imputation;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * DATA_NON_FINITE: missing, NaN or infinite values in a feature or the target.
 *
 * <p><b>Signal:</b> per-column counts of missing and non-finite values over all rows used.
 * <b>Likely causes:</b> gaps in the source data, failed readings, a bad join or export.
 * <b>Remedies:</b> impute (median is robust), or drop incomplete rows. With {@code impute: none}
 * a numeric feature's NaN would reach the network and every loss would be NaN, so the finding is an
 * error and training does not start; with imputation configured it is information; rows without a
 * target are dropped (a warning).
 */
public final class NonFiniteDataRule extends BaseRule {
    public NonFiniteDataRule() {
        super("non-finite-data", "DATA_NON_FINITE", Phase.DATA, Signal.DATA, Signal.SETUP);
    }

    @Override
    public List<Finding> check(RunLog log) {
        boolean imputed = log.setup().impute() != Imputation.NONE;
        Evidence ev = Evidence.empty();
        List<String> cols = new ArrayList<>();
        List<ColumnProfile> affected = new ArrayList<>();
        boolean numericGap = false;
        long total = 0;
        for (ColumnProfile c : log.data().columns()) {
            if (c.nonFinite() > 0) {
                ev = ev.and(c.name(), c.nonFinite());
                cols.add(c.name() + " (" + c.nonFinite() + ")");
                affected.add(c);
                total += c.nonFinite();
                numericGap |= c.numeric() && !c.target();
            }
        }
        if (cols.isEmpty()) {
            return List.of();
        }
        Severity sev = numericGap && !imputed ? Severity.ERROR : imputed ? Severity.INFO : Severity.WARNING;
        String consequence = sev == Severity.ERROR ? "; with impute: none the network would see NaN, so training stops here"
                : imputed ? "; they are imputed (" + log.setup().impute().configName() + ")"
                : "; missing categories are encoded as all zeros and rows without a target are dropped";
        String msg = total + " missing or non-finite values in " + String.join(", ", cols) + consequence;
        return List.of(before(sev, affected.size() == 1 ? subject(affected.get(0)) : Subject.NONE, msg,
                ev.and("rows", log.data().rows()), Remedy.IMPUTE_MISSING));
    }

    private static Subject subject(ColumnProfile c) {
        return c.target() ? new Subject.Target(c.name()) : Subject.column(c.name());
    }

    @Override
    public boolean blocksTraining(Finding f) {
        return f.severity() == Severity.ERROR;
    }
}
