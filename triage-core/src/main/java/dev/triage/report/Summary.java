package dev.triage.report;

import dev.triage.data.Text;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.BaselineResult;
import dev.triage.repair.RepairTrial;
import dev.triage.train.RunFolder;
import dev.triage.train.TaskMetrics;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text summary printed at the end of a command: metrics next to the baselines, findings, repair trials, paths. */
public final class Summary {
    private Summary() {
    }

    public static String render(ReportData r) {
        StringBuilder sb = new StringBuilder("summary\n");
        if (r.data() != null) {
            sb.append(String.format(Locale.ROOT, "  %s on %s: %d training, %d validation, %d test rows, %d inputs%n",
                    r.data().task(), Text.printable(r.data().path(), 500), r.data().trainRows(), r.data().validationRows(),
                    r.data().testRows(), r.data().features()));
        }
        if (r.metrics() != null) {
            String scores = r.metrics().test() == null && !Double.isNaN(r.metrics().trainLoss())
                    ? "training loss " + Fmt.num(r.metrics().trainLoss()) + ", validation loss " + Fmt.num(r.metrics().validationLoss())
                    : metrics(r.metrics().test());
            sb.append("  network: ").append(scores).append(String.format(Locale.ROOT,
                    " after %d epochs (%s)%n", r.metrics().epochsRun(), r.metrics().howItEnded()));
        }
        if (r.baselines() != null) {
            sb.append("  baselines (validation): ").append(r.baselines().results().stream().map(Summary::baseline)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        boolean repaired = r.repair() != null && r.repair().attempted();
        sb.append(repaired ? "  findings in the original run: " : "  findings: ").append(counts(r.findings())).append('\n');
        String roots = rootCauses(r.findings());
        if (!roots.isEmpty()) {
            sb.append("  root causes: ").append(roots).append('\n');
        }
        if (repaired) {
            sb.append("  findings after the repair: ").append(counts(r.repair().finalFindings())).append('\n');
        }
        if (r.repair() != null && r.repair().attempted()) {
            sb.append("  repair: ").append(r.repair().outcome().label()).append(" - ").append(r.repair().explanation()).append('\n');
            for (RepairTrial t : r.repair().trials()) {
                sb.append(String.format(Locale.ROOT, "    trial %d %-8s %s  %s%n", t.trial(),
                        t.kept() ? "kept" : "dropped", t.remedies(), trialScore(t)));
            }
        }
        if (r.runDir() != null) {
            sb.append("  run folder: ").append(Text.printable(r.runDir(), 500)).append('\n');
            sb.append("  report:     ").append(Text.printable(new RunFolder(java.nio.file.Path.of(r.runDir())).reportHtml().toString(), 500)).append('\n');
        }
        return sb.toString();
    }

    public static String metrics(TaskMetrics m) {
        if (m != null && !Double.isFinite(m.primary())) {
            return "no usable predictions (the loss became non-finite)";
        }
        if (m instanceof TaskMetrics.Regression x) {
            return "test rmse " + Fmt.num(x.rmse()) + ", mae " + Fmt.num(x.mae()) + ", r2 " + Fmt.num(x.r2());
        }
        if (m instanceof TaskMetrics.Classification x) {
            return "test accuracy " + Fmt.num(x.accuracy()) + ", log loss " + Fmt.num(x.logLoss()) + ", macro-F1 " + Fmt.num(x.macroF1());
        }
        return "no test metrics";
    }

    /** A trial's validation result under the names its epoch lines use: val_rmse, or val_accuracy with val_log_loss. */
    static String trialScore(RepairTrial t) {
        if ("rmse".equals(t.metric())) {
            return "val_rmse " + Fmt.num(Math.sqrt(t.validationLoss()));
        }
        if ("accuracy".equals(t.metric())) {
            return "val_accuracy " + Fmt.num(t.validationMetric()) + ", val_log_loss " + Fmt.num(t.validationLoss());
        }
        return "validation score " + Fmt.num(t.validationLoss());
    }

    private static String baseline(BaselineResult b) {
        return b.name() + " " + b.metric() + " " + Fmt.num(b.validation());
    }

    /** The error findings nothing else explains, with how many findings each explains: "DATA_UNSCALED (+4)". */
    static String rootCauses(List<Finding> findings) {
        if (findings.stream().noneMatch(f -> f.causedBy() != null)) {
            return "";
        }
        return findings.stream().filter(f -> f.isRootCause() && f.severity() == Severity.ERROR).map(f -> {
            long explained = findings.stream().filter(x -> f.identity().equals(x.causedBy())).count();
            return f.code() + (explained > 0 ? " (+" + explained + ")" : "");
        }).collect(Collectors.joining(", "));
    }

    static String counts(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "none";
        }
        long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long i = findings.size() - e - w;
        return e + " error(s), " + w + " warning(s), " + i + " info";
    }

    public static void print(ReportData r, PrintStream out) {
        out.print(render(r));
    }
}
