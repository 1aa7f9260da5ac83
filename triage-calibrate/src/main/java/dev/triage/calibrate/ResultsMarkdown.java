package dev.triage.calibrate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** calibration.md: the headline, per-code and per-class tables, the healthy population, sweeps and evidence. */
final class ResultsMarkdown {
    private final Main.Options o;
    private final int candidates;
    private final int healthy;
    private final int faulty;
    private final Map<String, int[]> datasets;
    private final Map<String, Integer> excluded;
    private final List<Analysis.SweepRow> sweeps;

    ResultsMarkdown(Main.Options o, int candidates, int healthy, int faulty, Map<String, int[]> datasets,
                    Map<String, Integer> excluded, List<Analysis.SweepRow> sweeps) {
        this.o = o;
        this.candidates = candidates;
        this.healthy = healthy;
        this.faulty = faulty;
        this.datasets = datasets;
        this.excluded = excluded;
        this.sweeps = sweeps;
    }

    String render(Map<String, Object> json, List<Analysis.CodeRow> codes, List<Analysis.ClassRow> rows) {
        StringBuilder b = new StringBuilder();
        headline(b, json);
        perCode(b, codes);
        perClass(b, rows);
        healthyPopulation(b);
        sweepTable(b);
        evidence(b, json);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private void headline(StringBuilder b, Map<String, Object> json) {
        Map<String, Object> h = (Map<String, Object>) json.get("headline");
        int n = healthy;
        b.append("# Calibration results\n\n");
        b.append(String.format(Locale.ROOT, "Seed %d, %d healthy candidates (%d healthy by outcome, %d excluded), %d faulty runs "
                        + "(%s effective), %d per fault class; %d jobs; %s s wall in all (%s s for the healthy population), "
                + "%s s of training threads' CPU time.%n%n",
                o.seed(), candidates, n, candidates - n, faulty, h.get("faulty_effective"), o.perClass(),
                o.jobs(), h.get("seconds_total"), h.get("seconds_healthy"), h.get("cpu_seconds_total")));
        b.append("## Headline\n\n| measure | value | target |\n|---|---:|---|\n");
        b.append(row("healthy runs with any error finding", h.get("healthy_runs_with_any_error") + " / " + n + " ("
                + Analysis.pct((double) h.get("healthy_any_error_rate")) + ")", "<= 1%"));
        b.append(row("worst single code at error on healthy runs", h.get("max_rule_error_code") + " "
                + Analysis.pct((double) h.get("max_rule_error_rate")), "<= 1%"));
        b.append(row("codes over 1% (error) on healthy runs", String.valueOf(h.get("rules_over_error_target")), "none"));
        b.append(row("worst single code at warning or error on healthy runs", Analysis.pct((double) h.get("max_rule_warning_rate")), "<= 10%"));
        b.append(row("codes over 10% (warning or error) on healthy runs", String.valueOf(h.get("rules_over_warning_target")), "none"));
        b.append(row("root cause reported (any severity)", Analysis.pct((double) h.get("root_reported_rate")), ""));
        b.append(row("root cause ranked first", h.get("root_first") + " / " + h.get("root_first_of") + " ("
                + Analysis.pct((double) h.get("root_first_rate")) + ")", ">= 85%"));
        b.append(row("root cause first, ignoring findings the clean base run also had",
                Analysis.pct((double) h.get("root_first_ignoring_base_findings_rate")), ""));
        b.append(row("repair restores the healthy outcome", h.get("repair_restored") + " / " + h.get("repair_scored") + " ("
                + Analysis.pct((double) h.get("repair_restored_rate")) + ")", ">= 85%"));
        b.append(row("unrepairable faults called unrepairable", h.get("unrepairable_called") + " / " + h.get("unrepairable_of"), ""));
    }

    private void perCode(StringBuilder b, List<Analysis.CodeRow> codes) {
        int n = healthy;
        b.append("\n## Per code: false alarms on healthy runs, detection on the faults meant for it\n\n");
        b.append("Healthy columns: share of the ").append(n).append(" healthy runs whose worst finding of that code has that severity. ")
                .append("Detection: share of the effective faulty runs of the classes that name the code as a root cause in which it is ")
                .append("reported (any severity / at error).\n\n");
        b.append("| code | rule | healthy: error | healthy: warning | healthy: info | datasets (w+e) | detected (any) | detected (error) "
                + "| fault classes |\n");
        b.append("|---|---|---:|---:|---:|---|---:|---:|---|\n");
        for (Analysis.CodeRow c : codes) {
            b.append("| ").append(c.code()).append(" | ").append(c.rules()).append(" | ").append(cell(c.healthyError(), n, Analysis.ERROR_TARGET))
                    .append(" | ").append(cell(c.healthyWarning(), n, Analysis.WARNING_TARGET)).append(" | ").append(cell(c.healthyInfo(), n, 2))
                    .append(" | ").append(c.healthyDatasets()).append(" | ").append(c.targeted() == 0 ? "-" : c.detected() + "/" + c.targeted() + " " + Analysis.pct(Analysis.rate(c.detected(), c.targeted())))
                    .append(" | ").append(c.targeted() == 0 ? "-" : Analysis.pct(Analysis.rate(c.detectedError(), c.targeted())))
                    .append(" | ").append(c.classes()).append(" |\n");
        }
    }

    private void perClass(StringBuilder b, List<Analysis.ClassRow> rows) {
        int n = healthy;
        b.append("\n## Per fault class\n\n");
        b.append("Effective: instances counted (for `outcome` classes, only those whose outcome the fault degraded). ")
                .append("Root: reported at any severity / at error / ranked first in the report (worst first) / first once the ")
                .append("findings the clean base run also had are set aside. Spurious: effective runs with an error finding that is ")
                .append("neither a root cause, an acceptable consequence, nor present in the clean base run. Repair: instances that ")
                .append("needed it (unhealthy outcome, or the injected column still used) and were restored to a healthy outcome.\n\n");
        b.append("| fault class | root code(s) | effective | root reported | at error | ranked first | first (new) | usual first finding "
                + "| spurious errors | repair restored | repair outcomes |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---|---|---:|---|\n");
        for (Analysis.ClassRow r : rows) {
            String eff = r.effective() + "/" + r.instances() + (r.effect().equals("outcome") ? " (outcome; "
                    + r.healthyWithError() + " of the rest with an error)" : "");
            boolean noRoot = r.effect().equals("no_root");
            b.append("| ").append(r.id()).append(" | ").append(noRoot ? "— (must not: DATA_NOT_LEARNABLE; hits " + r.mustNotHits() + ")"
                    : r.root()).append(" | ").append(eff)
                    .append(" | ").append(noRoot ? "-" : frac(r.rootReported(), r.effective()))
                    .append(" | ").append(noRoot ? "-" : frac(r.rootError(), r.effective()))
                    .append(" | ").append(noRoot ? "-" : frac(r.rootFirst(), r.effective()))
                    .append(" | ").append(noRoot ? "-" : frac(r.rootFirstNew(), r.effective()))
                    .append(" | ").append(r.firstCodes())
                    .append(" | ").append(r.spuriousErrorRuns()).append(r.spuriousCodes().isEmpty() ? "" : " (" + r.spuriousCodes() + ")")
                    .append(" | ").append(r.repairMode().equals("not_scored") ? "-" : (r.repairMode().equals("unrepairable")
                            ? "called unrepairable " : "") + frac(r.repairRestored(), r.repairScored()))
                    .append(" | ").append(r.repairOutcomes()).append(" |\n");
        }
    }

    private void healthyPopulation(StringBuilder b) {
        int n = healthy;
        b.append("\n## Healthy population\n\n");
        b.append("| dataset | drawn | healthy | healthy with an error finding |\n|---|---:|---:|---:|\n");
        datasets.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1]).append(" | ")
                .append(v[2]).append(" |\n"));
        b.append("\nExcluded (not healthy by outcome): ").append(excluded).append("\n");
    }

    private void sweepTable(StringBuilder b) {
        b.append("\n## Threshold sweeps\n\n");
        b.append("Each run's recorded run log replayed through the rule built with other thresholds. Healthy: share of the healthy ")
                .append("runs where the variant reaches error / warning. Detection: effective faulty runs of the classes naming the code ")
                .append("as a root cause where it fires (warning or error / error). Consequence: effective faulty runs of classes where ")
                .append("the code is an acceptable consequence, where it fires.\n\n");
        b.append("| code | variant | healthy: error | healthy: warning | detection (w+e) | detection (error) | as a consequence |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Analysis.SweepRow w : sweeps) {
            b.append("| ").append(w.code()).append(" | ").append(w.variant()).append(w.isDefault() ? " (default)" : "").append(" | ")
                    .append(cell(w.healthyError(), w.healthyRuns(), Analysis.ERROR_TARGET)).append(" | ")
                    .append(cell(w.healthyWarning(), w.healthyRuns(), Analysis.WARNING_TARGET)).append(" | ")
                    .append(w.targeted() == 0 ? "-" : frac(w.detected(), w.targeted())).append(" | ")
                    .append(w.targeted() == 0 ? "-" : frac(w.detectedError(), w.targeted())).append(" | ")
                    .append(w.consequenceRuns() == 0 ? "-" : frac(w.consequenceFired(), w.consequenceRuns())).append(" |\n");
        }
    }

    @SuppressWarnings("unchecked")
    private void evidence(StringBuilder b, Map<String, Object> json) {
        b.append("\n## Evidence of codes raised on healthy runs\n\n");
        b.append("Quantiles (min / p10 / median / p90 / max) of each evidence value, on healthy runs and on the effective faulty ")
                .append("runs of classes where the code is a root cause or an acceptable consequence.\n\n");
        Map<String, Object> ev = (Map<String, Object>) json.get("evidence");
        ev.forEach((code, v) -> {
            b.append("### ").append(code).append("\n\n| population | findings | evidence: min / p10 / median / p90 / max |\n|---|---:|---|\n");
            ((Map<String, Object>) v).forEach((pop, m) -> {
                Map<String, Object> mm = (Map<String, Object>) m;
                if ((int) mm.get("findings") == 0) {
                    return;
                }
                String vals = mm.entrySet().stream().filter(e -> !e.getKey().equals("findings"))
                        .map(e -> e.getKey() + ": " + ((List<Double>) e.getValue()).stream().map(ResultsMarkdown::g)
                                .collect(Collectors.joining(" / "))).collect(Collectors.joining("; "));
                b.append("| ").append(pop).append(" | ").append(mm.get("findings")).append(" | ").append(vals).append(" |\n");
            });
            b.append('\n');
        });
    }

    static String g(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e4 || a < 1e-3 ? String.format(Locale.ROOT, "%.2g", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String row(String a, String b, String c) {
        return "| " + a + " | " + b + " | " + c + " |\n";
    }

    private static String cell(int k, int n, double target) {
        if (k == 0) {
            return "0";
        }
        double r = Analysis.rate(k, n);
        return k + " (" + Analysis.pct(r) + ")" + (r > target ? " **!**" : "");
    }

    private static String frac(int k, int n) {
        return n == 0 ? "-" : k + "/" + n + " (" + String.format(Locale.ROOT, "%.0f%%", 100.0 * k / n) + ")";
    }
}
