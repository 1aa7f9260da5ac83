package dev.triage.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The measurements: per code and severity, the false-alarm rate on the healthy population and the
 * detection rate on the faults meant for it; per fault class, whether the root cause is reported,
 * whether it comes first, and whether repair restores the run; the evidence distributions of the
 * rules that raise errors on healthy runs. Written as {@code calibration.json} and {@code calibration.md}.
 */
final class Analysis {
    static final double ERROR_TARGET = 0.01;
    static final double WARNING_TARGET = 0.10;
    static final double FIRST_TARGET = 0.85;
    static final double REPAIR_TARGET = 0.85;

    private final Main.Options o;
    private final List<Faults.FaultClass> classes;
    private final List<RunResult> candidates;
    private final List<RunResult> healthy;
    private final List<RunResult> faulty;
    private final Map<String, RunResult> byId = new HashMap<>();
    private final double healthySeconds;
    private final double seconds;

    /** Per code: healthy runs with it at each severity (by the run's worst finding of that code), and detection. */
    record CodeRow(String code, String rules, int healthyError, int healthyWarning, int healthyInfo, int targeted,
                   int detected, int detectedError, String classes, String healthyDatasets) {
    }

    /** Per fault class. */
    record ClassRow(String id, String title, String root, String effect, int instances, int effective, int healthyWithError, int refused,
                    int rootReported, int rootError, int rootFirst, int rootFirstNew, String firstCodes, int spuriousErrorRuns,
                    String spuriousCodes, int mustNotHits, int repairScored, int repairRestored, String repairMode,
                    String repairOutcomes) {
    }

    /** A threshold variant of a rule: false alarms on the healthy runs, detection on the faulty ones. */
    record SweepRow(String code, String variant, boolean isDefault, int healthyRuns, int healthyError, int healthyWarning,
                    int targeted, int detected, int detectedError, int consequenceRuns, int consequenceFired) {
    }

    List<SweepRow> sweepRows() {
        List<SweepRow> out = new ArrayList<>();
        for (Sweep.Variant v : Sweep.available()) {
            String key = v.key();
            int hr = 0;
            int he = 0;
            int hw = 0;
            for (RunResult r : healthy) {
                if (r.sweep() == null || !r.sweep().containsKey(Sweep.REPLAYED)) {
                    continue;
                }
                hr++;
                String sev = r.sweep().get(key);
                he += "error".equals(sev) ? 1 : 0;
                hw += "warning".equals(sev) ? 1 : 0;
            }
            int t = 0;
            int d = 0;
            int de = 0;
            int cr = 0;
            int cf = 0;
            for (RunResult r : faulty) {
                if (r.sweep() == null || !r.sweep().containsKey(Sweep.REPLAYED) || !effective(r)) {
                    continue;
                }
                Faults.FaultClass c = classOf(r);
                String sev = r.sweep().get(key);
                if (c.rootCodes().contains(v.code())) {
                    t++;
                    d += sev != null && !sev.equals("info") ? 1 : 0;
                    de += "error".equals(sev) ? 1 : 0;
                } else if (c.consequences().contains(v.code())) {
                    cr++;
                    cf += sev != null && !sev.equals("info") ? 1 : 0;
                }
            }
            out.add(new SweepRow(v.code(), v.label(), v.isDefault(), hr, he, hw, t, d, de, cr, cf));
        }
        return out;
    }

    Analysis(Main.Options o, List<Faults.FaultClass> classes, List<RunResult> candidates, List<RunResult> faulty,
             double healthySeconds, double seconds) {
        this.o = o;
        this.classes = classes;
        this.candidates = candidates;
        this.healthy = candidates.stream().filter(RunResult::healthy).toList();
        this.faulty = faulty;
        this.healthySeconds = healthySeconds;
        this.seconds = seconds;
        candidates.forEach(r -> byId.put(r.id(), r));
    }

    static int rank(String severity) {
        return switch (severity) {
            case "error" -> 3;
            case "warning" -> 2;
            case "info" -> 1;
            default -> 0;
        };
    }

    /** The worst severity of {@code code} in a run (null when absent). */
    static String worst(RunResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).map(RunResult.FindingRow::severity)
                .max(Comparator.comparingInt(Analysis::rank)).orElse(null);
    }

    static boolean matches(RunResult.FindingRow f, String spec, RunResult r, String target) {
        int at = spec.indexOf('@');
        String code = at < 0 ? spec : spec.substring(0, at);
        if (!f.code().equals(code)) {
            return false;
        }
        if (at < 0) {
            return true;
        }
        String place = spec.substring(at + 1);
        String want = place.equals("column") ? r.column() : place.equals("target") ? target : place;
        return want != null && want.equals(f.where());
    }

    private static boolean isRoot(RunResult.FindingRow f, Faults.FaultClass c, RunResult r) {
        return c.root().stream().anyMatch(s -> matches(f, s, r, null));
    }

    private Faults.FaultClass classOf(RunResult r) {
        return classes.stream().filter(c -> c.id().equals(r.fault())).findFirst().orElseThrow();
    }

    boolean effective(RunResult r) {
        return switch (classOf(r).effect()) {
            case ALWAYS, NO_ROOT -> true;
            case OUTCOME -> !r.healthy();
        };
    }

    List<CodeRow> codeRows() {
        Set<String> codes = new TreeSet<>();
        candidates.forEach(r -> r.findings().forEach(f -> codes.add(f.code())));
        faulty.forEach(r -> r.findings().forEach(f -> codes.add(f.code())));
        classes.forEach(c -> codes.addAll(c.rootCodes()));
        List<CodeRow> out = new ArrayList<>();
        for (String code : codes) {
            Set<String> rules = new TreeSet<>();
            candidates.forEach(r -> r.findings().stream().filter(f -> f.code().equals(code)).forEach(f -> rules.add(f.rule())));
            faulty.forEach(r -> r.findings().stream().filter(f -> f.code().equals(code)).forEach(f -> rules.add(f.rule())));
            int e = 0;
            int w = 0;
            int i = 0;
            Map<String, Integer> where = new TreeMap<>();
            for (RunResult r : healthy) {
                String s = worst(r, code);
                if (s == null) {
                    continue;
                }
                if (!s.equals("info")) {
                    where.merge(r.dataset(), 1, Integer::sum);
                }
                switch (s) {
                    case "error" -> e++;
                    case "warning" -> w++;
                    default -> i++;
                }
            }
            int targeted = 0;
            int detected = 0;
            int detectedError = 0;
            Set<String> meant = new TreeSet<>();
            for (RunResult r : faulty) {
                Faults.FaultClass c = classOf(r);
                if (!c.rootCodes().contains(code) || !effective(r)) {
                    continue;
                }
                meant.add(c.id());
                targeted++;
                List<String> specs = c.root().stream().filter(s -> s.equals(code) || s.startsWith(code + "@")).toList();
                boolean any = r.findings().stream().anyMatch(f -> specs.stream().anyMatch(s -> matches(f, s, r, null)));
                boolean err = r.findings().stream().anyMatch(f -> f.severity().equals("error")
                        && specs.stream().anyMatch(s -> matches(f, s, r, null)));
                detected += any ? 1 : 0;
                detectedError += err ? 1 : 0;
            }
            out.add(new CodeRow(code, String.join(", ", rules), e, w, i, targeted, detected, detectedError, String.join(", ", meant),
                    where.size() + (where.isEmpty() ? "" : ": " + top(where, 4))));
        }
        return out;
    }

    List<ClassRow> classRows() {
        List<ClassRow> out = new ArrayList<>();
        for (Faults.FaultClass c : classes) {
            List<RunResult> runs = faulty.stream().filter(r -> r.fault().equals(c.id())).toList();
            if (runs.isEmpty()) {
                continue;
            }
            int effective = 0;
            int refused = 0;
            int reported = 0;
            int error = 0;
            int first = 0;
            int firstNew = 0;
            int spuriousRuns = 0;
            int mustNot = 0;
            int scored = 0;
            int restored = 0;
            Map<String, Integer> firsts = new TreeMap<>();
            Map<String, Integer> spurious = new TreeMap<>();
            Map<String, Integer> outcomes = new TreeMap<>();
            int healthyWithError = 0;
            for (RunResult r : runs) {
                if (!effective(r)) {
                    healthyWithError += r.anyError() ? 1 : 0;
                    continue;
                }
                effective++;
                refused += r.error() != null ? 1 : 0;
                RunResult base = byId.get(r.baseId());
                Set<String> baseCodes = base.findings().stream().map(RunResult.FindingRow::code).collect(Collectors.toSet());
                List<RunResult.FindingRow> fs = r.findings();
                if (fs.stream().anyMatch(f -> isRoot(f, c, r))) {
                    reported++;
                }
                if (fs.stream().anyMatch(f -> f.severity().equals("error") && isRoot(f, c, r))) {
                    error++;
                }
                String firstCode = fs.isEmpty() ? (r.error() != null ? "(refused)" : "(none)") : fs.get(0).code()
                        + "(" + fs.get(0).severity().charAt(0) + ")";
                firsts.merge(firstCode, 1, Integer::sum);
                if (!fs.isEmpty() && isRoot(fs.get(0), c, r)) {
                    first++;
                }
                RunResult.FindingRow firstFresh = fs.stream().filter(f -> !baseCodes.contains(f.code()) || isRoot(f, c, r))
                        .findFirst().orElse(null);
                if (firstFresh != null && isRoot(firstFresh, c, r)) {
                    firstNew++;
                }
                boolean spur = false;
                for (RunResult.FindingRow f : fs) {
                    if (!c.rootCodes().contains(f.code()) && !c.consequences().contains(f.code()) && !baseCodes.contains(f.code())) {
                        spurious.merge(f.code() + "(" + f.severity().charAt(0) + ")", 1, Integer::sum);
                        spur |= f.severity().equals("error");
                    }
                }
                spuriousRuns += spur ? 1 : 0;
                mustNot += fs.stream().anyMatch(f -> c.mustNot().contains(f.code())) ? 1 : 0;
                if (r.repair() != null) {
                    scored++;
                    restored += r.repair().restored() ? 1 : 0;
                    outcomes.merge(r.repair().outcome(), 1, Integer::sum);
                }
            }
            out.add(new ClassRow(c.id(), c.title(), String.join(" / ", c.root()), c.effect().name().toLowerCase(Locale.ROOT),
                    runs.size(), effective, healthyWithError, refused, reported, error, first, firstNew, top(firsts, 3), spuriousRuns,
                    top(spurious, 4), mustNot, scored, restored, c.repair().name().toLowerCase(Locale.ROOT), top(outcomes, 4)));
        }
        return out;
    }

    private static String top(Map<String, Integer> m, int n) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Headline figures against the targets. */
    Map<String, Object> headline(List<CodeRow> codes, List<ClassRow> rows) {
        Map<String, Object> h = new LinkedHashMap<>();
        int n = healthy.size();
        long anyError = healthy.stream().filter(RunResult::anyError).count();
        long anyWarning = healthy.stream().filter(r -> !r.anyError() && r.findings().stream()
                .anyMatch(f -> f.severity().equals("warning"))).count();
        h.put("healthy_candidates", candidates.size());
        h.put("healthy_runs", n);
        h.put("excluded", candidates.size() - n);
        h.put("faulty_runs", faulty.size());
        h.put("faulty_effective", faulty.stream().filter(this::effective).count());
        h.put("healthy_runs_with_any_error", anyError);
        h.put("healthy_any_error_rate", rate(anyError, n));
        h.put("healthy_runs_with_warning_as_worst", anyWarning);
        CodeRow worstError = codes.stream().max(Comparator.comparingInt(CodeRow::healthyError)).orElse(null);
        CodeRow worstWarning = codes.stream().max(Comparator.comparingInt(c -> c.healthyWarning() + c.healthyError())).orElse(null);
        h.put("max_rule_error_rate", worstError == null ? 0 : rate(worstError.healthyError(), n));
        h.put("max_rule_error_code", worstError == null ? null : worstError.code());
        h.put("rules_over_error_target", codes.stream().filter(c -> rate(c.healthyError(), n) > ERROR_TARGET).map(CodeRow::code).toList());
        h.put("max_rule_warning_rate", worstWarning == null ? 0 : rate(worstWarning.healthyWarning() + worstWarning.healthyError(), n));
        h.put("rules_over_warning_target", codes.stream().filter(c -> rate(c.healthyWarning() + c.healthyError(), n) > WARNING_TARGET)
                .map(CodeRow::code).toList());
        List<ClassRow> withRoot = rows.stream().filter(r -> !r.effect().equals("no_root")).toList();
        int eff = withRoot.stream().mapToInt(ClassRow::effective).sum();
        h.put("root_first", withRoot.stream().mapToInt(ClassRow::rootFirst).sum());
        h.put("root_first_of", eff);
        h.put("root_first_rate", rate(withRoot.stream().mapToInt(ClassRow::rootFirst).sum(), eff));
        h.put("root_first_ignoring_base_findings_rate", rate(withRoot.stream().mapToInt(ClassRow::rootFirstNew).sum(), eff));
        h.put("root_reported_rate", rate(withRoot.stream().mapToInt(ClassRow::rootReported).sum(), eff));
        List<ClassRow> repairable = rows.stream().filter(r -> r.repairMode().startsWith("restore")).toList();
        int scored = repairable.stream().mapToInt(ClassRow::repairScored).sum();
        h.put("repair_restored", repairable.stream().mapToInt(ClassRow::repairRestored).sum());
        h.put("repair_scored", scored);
        h.put("repair_restored_rate", rate(repairable.stream().mapToInt(ClassRow::repairRestored).sum(), scored));
        List<ClassRow> unrep = rows.stream().filter(r -> r.repairMode().equals("unrepairable")).toList();
        h.put("unrepairable_called", unrep.stream().mapToInt(ClassRow::repairRestored).sum());
        h.put("unrepairable_of", unrep.stream().mapToInt(ClassRow::repairScored).sum());
        h.put("seconds_healthy", Math.round(healthySeconds));
        h.put("seconds_total", Math.round(seconds));
        double cpu = candidates.stream().mapToDouble(RunResult::cpuSeconds).sum() + faulty.stream().mapToDouble(r ->
                r.cpuSeconds() + (r.repair() == null ? 0 : r.repair().cpuSeconds())).sum();
        h.put("cpu_seconds_total", Math.round(cpu));
        return h;
    }

    static double rate(long k, long n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    String headline() {
        Map<String, Object> h = headline(codeRows(), classRows());
        return String.format(Locale.ROOT, "healthy %s of %s; error false alarms %s (target <= 1%%), root cause first %s "
                        + "(target >= 85%%), repair restores %s (target >= 85%%); %ss",
                h.get("healthy_runs"), h.get("healthy_candidates"), pct((double) h.get("healthy_any_error_rate")),
                pct((double) h.get("root_first_rate")), pct((double) h.get("repair_restored_rate")), h.get("seconds_total"));
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** Evidence quantiles of one code's findings in a set of runs. */
    private static Map<String, Object> evidence(List<RunResult> runs, String code, String severity) {
        Map<String, List<Double>> vals = new TreeMap<>();
        int findings = 0;
        for (RunResult r : runs) {
            for (RunResult.FindingRow f : r.findings()) {
                if (!f.code().equals(code) || (severity != null && !f.severity().equals(severity))) {
                    continue;
                }
                findings++;
                f.evidence().forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        vals.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                    }
                });
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("findings", findings);
        vals.forEach((k, v) -> out.put(k, quantiles(v)));
        return out;
    }

    static List<Double> quantiles(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Arrays.stream(new double[] {0, 0.1, 0.5, 0.9, 1}).map(q -> s[(int) Math.round(q * (s.length - 1))]).boxed().toList();
    }

    /** For every code raised at error on a healthy run (or as a warning on more than the warning target): its evidence, healthy vs faulty. */
    Map<String, Object> evidenceTables(List<CodeRow> codes) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = healthy.size();
        for (CodeRow c : codes) {
            boolean errors = c.healthyError() > 0;
            boolean warnings = rate(c.healthyWarning() + c.healthyError(), n) > WARNING_TARGET;
            if (!errors && !warnings) {
                continue;
            }
            List<RunResult> faultyMeant = faulty.stream().filter(r -> {
                Faults.FaultClass fc = classOf(r);
                return effective(r) && (fc.rootCodes().contains(c.code()) || fc.consequences().contains(c.code()));
            }).toList();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("healthy_error", evidence(healthy, c.code(), "error"));
            e.put("healthy_warning", evidence(healthy, c.code(), "warning"));
            e.put("faulty_error", evidence(faultyMeant, c.code(), "error"));
            e.put("faulty_warning", evidence(faultyMeant, c.code(), "warning"));
            out.put(c.code(), e);
        }
        return out;
    }

    Path write(Path dir) {
        List<CodeRow> codes = codeRows();
        List<ClassRow> rows = classRows();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("options", Map.of("runs", o.runs(), "per_class", o.perClass(), "seed", o.seed(), "jobs", o.jobs(),
                "repair", o.repair(), "max_epochs", o.maxEpochs()));
        json.put("outcome_rule", Map.of("rmse_margin", Outcome.RMSE_MARGIN, "accuracy_margin", Outcome.ACCURACY_MARGIN));
        json.put("headline", headline(codes, rows));
        json.put("codes", codes);
        json.put("classes", rows);
        json.put("excluded", excluded());
        json.put("datasets", datasets());
        json.put("evidence", evidenceTables(codes));
        json.put("sweeps", sweepRows());
        json.put("healthy_runs", candidates);
        json.put("faulty_runs", faulty);
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            m.writeValue(dir.resolve("calibration.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write calibration.json", e);
        }
        Path md = dir.resolve("calibration.md");
        Calibration.writeString(md, new ResultsMarkdown(o, candidates.size(), healthy.size(), faulty.size(), datasets(), excluded(),
                sweepRows()).render(json, codes, rows));
        return md;
    }

    private Map<String, Integer> excluded() {
        Map<String, Integer> m = new TreeMap<>();
        candidates.stream().filter(r -> !r.healthy()).forEach(r -> m.merge(r.outcome().startsWith("failed") ? "failed to run"
                : r.outcome(), 1, Integer::sum));
        return m;
    }

    private Map<String, int[]> datasets() {
        Map<String, int[]> m = new TreeMap<>();
        for (RunResult r : candidates) {
            int[] c = m.computeIfAbsent(r.dataset(), k -> new int[3]);
            c[0]++;
            c[1] += r.healthy() ? 1 : 0;
            c[2] += r.healthy() && r.anyError() ? 1 : 0;
        }
        return m;
    }

}
