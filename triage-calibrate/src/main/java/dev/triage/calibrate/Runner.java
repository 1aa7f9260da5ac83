package dev.triage.calibrate;

import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RepairOutcome;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import dev.triage.session.SessionOptions;
import dev.triage.session.SessionResult;
import dev.triage.session.TrainSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one recipe in-process through the library, exactly as {@code triage train} would: a
 * {@link RunConfig} from the overrides, {@link TrainSession#train}, the report read back. Each run
 * writes its run folder into its own temporary folder (no checkpoints), deleted afterwards.
 */
final class Runner {
    private final Path workDir;

    Runner(Path workDir) {
        this.workDir = workDir;
    }

    /** What the session returned, with the wall time; {@code error} when it refused or crashed. */
    record Raw(ReportData report, String error, double seconds, double cpuSeconds, Map<String, String> sweep) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static double cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() / 1e9 : Double.NaN;
    }

    Raw train(Recipe recipe, String id, boolean repair) {
        return train(recipe, id, repair, List.of());
    }

    /** Trains; for a plain run, also replays its run log through the threshold {@code variants}. */
    Raw train(Recipe recipe, String id, boolean repair, List<Sweep.Variant> variants) {
        long t0 = System.nanoTime();
        double c0 = cpu();
        Path out = null;
        try {
            out = Files.createTempDirectory(Files.createDirectories(workDir.resolve("runs")), id + "-");
            List<String> o = new ArrayList<>(recipe.overrides());
            o.add("output.dir=" + out);
            o.add("output.name=" + id);
            o.add("output.checkpoints=none");
            o.add("training.threads=1");
            RunConfig cfg = RunConfig.load(null, o, workDir);
            SessionOptions opts = SessionOptions.quiet().withRepair(repair);
            SessionResult r = TrainSession.train(cfg, opts);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = cpu() - c0;
            Map<String, String> sweep = Map.of();
            if (!repair && !variants.isEmpty() && r.report().runDir() != null) {
                try {
                    sweep = Sweep.replay(Path.of(r.report().runDir()), variants);
                } catch (RuntimeException e) {
                    sweep = Map.of("sweep failed", String.valueOf(e.getMessage()));
                }
            }
            return new Raw(r.report(), null, seconds, cpuSeconds, sweep);
        } catch (RuntimeException | IOException | StackOverflowError e) {
            String msg = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            return new Raw(null, msg.length() > 400 ? msg.substring(0, 400) : msg, (System.nanoTime() - t0) / 1e9, cpu() - c0, Map.of());
        } finally {
            if (out != null) {
                delete(out);
            }
        }
    }

    static List<RunResult.FindingRow> findings(List<Finding> fs) {
        List<RunResult.FindingRow> out = new ArrayList<>();
        for (Finding f : fs) {
            out.add(new RunResult.FindingRow(f.code(), f.rule(), lower(f.severity().name()), lower(f.phase().name()), f.epoch(),
                    f.where(), f.evidence() == null ? Map.of() : f.evidence().asMap(),
                    f.remedies().stream().map(Enum::name).toList(), f.causedBy()));
        }
        return out;
    }

    static RunResult.Metrics metrics(ReportData r) {
        RunMetrics m = r == null ? null : r.metrics();
        if (m == null) {
            return null;
        }
        return new RunResult.Metrics(m.epochsRun(), m.stopReason(), m.trainLoss(), m.validationLoss(),
                m.test() == null ? null : m.test().primaryName(), m.test() == null ? Double.NaN : m.test().primary(),
                m.trainSeconds());
    }

    static RunResult.BaselineRow baselines(ReportData r) {
        Baselines b = r == null ? null : r.baselines();
        if (b == null || b.trivialResult() == null) {
            return null;
        }
        BaselineResult best = b.bestResult();
        return new RunResult.BaselineRow(b.best(), b.trivialResult().test(), best == null ? Double.NaN : best.test(), b.gain(),
                b.pValue());
    }

    static RunResult.RepairRow repair(ReportData r, Outcome.Reference ref, String column, boolean mustDrop, double seconds,
                                      double cpuSeconds) {
        RepairOutcome ro = r.repair();
        List<RunResult.TrialRow> trials = ro == null ? List.of() : ro.trials().stream()
                .map(t -> new RunResult.TrialRow(t.remedies().stream().map(Enum::name).toList(), t.kept(), t.reason())).toList();
        List<String> finals = ro == null ? List.of() : ro.finalFindings().stream()
                .map(f -> f.code() + "(" + lower(f.severity().name()).charAt(0) + ")").toList();
        RunResult.Metrics m = metrics(r);
        RunResult.BaselineRow b = baselines(r);
        double test = m == null ? Double.NaN : m.test();
        double trivial = b == null ? Double.NaN : b.trivialTest();
        List<String> drops = dropColumns(r.config());
        boolean finite = m != null && !"non_finite".equals(m.stop()) && Double.isFinite(m.trainLoss());
        Outcome.Verdict v = Outcome.judge(ref, test, trivial, finite);
        boolean restored = v.healthy();
        String verdict = v.reason();
        if (mustDrop && column != null && !drops.contains(column)) {
            restored = false;
            verdict = "the column " + column + " is still used";
        }
        return new RunResult.RepairRow(ro == null ? "none" : ro.outcome().label(), ro == null ? null : ro.explanation(), trials,
                finals, test, trivial, drops, restored, verdict, seconds, cpuSeconds);
    }

    @SuppressWarnings("unchecked")
    static List<String> dropColumns(Map<String, Object> tree) {
        if (tree == null || !(tree.get("data") instanceof Map<?, ?> data)) {
            return List.of();
        }
        Object d = ((Map<String, Object>) data).get("drop_columns");
        if (d instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static void delete(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless
        }
    }
}
