package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.SanityChecks;
import dev.triage.probe.SanityResult;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.ReportData;
import dev.triage.train.ConfigResolution;
import dev.triage.train.ModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code triage sanity}: checks the pipeline of a configuration rather than its tuning. Overfit 1, 2
 * and 8 examples; compare analytic with numeric gradients; check that examples do not leak into each
 * other's gradients. A failed check is an error finding (SANITY_CHECK_FAILED): it points at a bug.
 */
public final class SanitySession {
    private SanitySession() {
    }

    /** The checks' results (also as findings in the returned report). */
    public static SessionResult run(RunConfig cfg, SessionOptions o) {
        OutputPaths.requireNotInput(o.json(), "--json", OutputPaths.inputsOf(cfg));
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        NetworkSpec net = ModelBuilder.network(resolved, data);
        List<SanityResult> results = SanityChecks.all(net, data.train(), resolved.training().seed());
        List<Finding> findings = new ArrayList<>();
        for (SanityResult r : results) {
            o.out().printf(Locale.ROOT, "  %-13s %-20s %s%n", r.verdict().name().toLowerCase(Locale.ROOT), r.check(), r.detail());
            if (r.failed()) {
                findings.add(finding(r));
            }
        }
        ReportData report = new ReportData("sanity", Reports.data(data, resolved.data().path().toString()), resolved.tree(),
                findings, null, null, null, null, List.of());
        AtomicOutputs.writeReport(report, null, o.json());
        o.out().println(findings.isEmpty() ? "all sanity checks passed" : findings.size() + " sanity check(s) failed");
        return new SessionResult(report);
    }

    private static Finding finding(SanityResult r) {
        Evidence ev = Evidence.empty();
        for (var e : r.numbers().entrySet()) {
            ev = ev.and(e.getKey(), e.getValue());
        }
        return new Finding("SANITY_CHECK_FAILED", r.check(), Severity.ERROR, Phase.INIT, null, null, r.check(), r.detail(), ev,
                List.of(Remedy.FIX_OUTPUT_AND_LOSS, Remedy.CHECK_LABELS));
    }
}
