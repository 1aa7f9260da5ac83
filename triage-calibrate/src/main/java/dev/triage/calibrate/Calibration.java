package dev.triage.calibrate;

import dev.triage.report.ReportData;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The harness: draws the healthy population, trains it, keeps the runs that are healthy by outcome,
 * injects one fault per class into some of them, trains those (and repairs them), then measures.
 */
final class Calibration {
    /** What a calibration produced. */
    record Result(Path markdownPath, String headline, Analysis analysis) {
    }

    private final Main.Options o;
    private final PrintStream log;
    private final Map<String, Recipe> recipes = new HashMap<>();
    private final List<Sweep.Variant> variants = Sweep.available();

    Calibration(Main.Options o, PrintStream log) {
        this.o = o;
        this.log = log;
    }

    Result run() {
        long t0 = System.nanoTime();
        Path work = o.out().resolve("work");
        Main.deleteTree(work);
        List<Dataset> datasets = Dataset.ALL.stream()
                .filter(d -> o.onlyDatasets().isEmpty() || o.onlyDatasets().contains(d.name())).toList();
        List<Faults.FaultClass> classes = Faults.all().stream()
                .filter(c -> o.classes().isEmpty() || o.classes().contains(c.id())).toList();
        DataStore store = new DataStore(o.datasets(), work);
        store.load(datasets);
        Runner runner = new Runner(work);
        Sampler sampler = new Sampler(store, datasets);
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs(), r -> {
            Thread t = new Thread(r, "calibrate-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<RunResult> healthy = healthy(sampler, runner, pool);
            double healthySeconds = (System.nanoTime() - t0) / 1e9;
            List<RunResult> faulty = faulty(classes, healthy, store, runner, pool);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Analysis a = new Analysis(o, classes, healthy, faulty, healthySeconds, seconds);
            Path md = a.write(o.out());
            if (!o.keepWork()) {
                Main.deleteTree(work);
            }
            return new Result(md, a.headline(), a);
        } finally {
            pool.shutdownNow();
        }
    }

    static SplittableRandom random(long seed, long a, long b, long c) {
        long s = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + c * 0x2545F4914F6CDD1DL;
        return new SplittableRandom(s);
    }

    private List<RunResult> healthy(Sampler sampler, Runner runner, ExecutorService pool) {
        List<Supplier<RunResult>> tasks = new ArrayList<>();
        for (int i = 0; i < o.runs(); i++) {
            String id = String.format(Locale.ROOT, "h%04d", i);
            Recipe r = sampler.draw(random(o.seed(), 1, i, 0), o.maxEpochs());
            recipes.put(id, r);
            tasks.add(() -> trainHealthy(runner, r, id));
        }
        return runAll("healthy", tasks, pool);
    }

    private RunResult trainHealthy(Runner runner, Recipe r, String id) {
        Runner.Raw raw = runner.train(r, id, false, variants);
        Outcome.Reference ref = reference(raw.report());
        return result(id, "healthy", r, null, null, null, raw, ref);
    }

    /** The run's own baselines as what it must reach. */
    static Outcome.Reference reference(ReportData report) {
        RunResult.BaselineRow b = Runner.baselines(report);
        if (b == null) {
            return null;
        }
        boolean cls = report.data() != null && !"regression".equals(report.data().task());
        return new Outcome.Reference(cls, b.bestTest(), b.trivialTest(), report.data() == null ? 0 : report.data().testRows());
    }

    /** Overrides with the work folder and the datasets folder written as {@code <work>} and {@code <datasets>}. */
    private List<String> portable(List<String> overrides) {
        String work = o.out().resolve("work").toAbsolutePath().normalize().toString();
        String data = o.datasets().toAbsolutePath().normalize().toString();
        return overrides.stream().map(s -> s.replace(work, "<work>").replace(data, "<datasets>")).toList();
    }

    private RunResult result(String id, String population, Recipe r, String fault, String baseId, Faults.Injected in,
                                    Runner.Raw raw, Outcome.Reference ref) {
        ReportData rep = raw.report();
        RunResult.Metrics m = Runner.metrics(rep);
        RunResult.BaselineRow b = Runner.baselines(rep);
        List<RunResult.FindingRow> fs = rep == null ? List.of() : Runner.findings(rep.findings());
        boolean finite = m != null && !"non_finite".equals(m.stop()) && Double.isFinite(m.trainLoss())
                && fs.stream().noneMatch(f -> f.code().equals("TRAIN_NAN_LOSS"));
        Outcome.Verdict v = raw.error() != null ? new Outcome.Verdict(false, Double.NaN, "failed: " + raw.error())
                : Outcome.judge(ref, m == null ? Double.NaN : m.test(), b == null ? Double.NaN : b.trivialTest(), finite);
        int testRows = rep == null || rep.data() == null ? 0 : rep.data().testRows();
        return new RunResult(id, population, r.dataset.name(), r.dataset.task(), fault, in == null ? null : in.kind(), baseId,
                in == null ? null : in.column(), portable(r.overrides()), fs, m, b, testRows, v.healthy(), v.score(),
                ref == null ? Double.NaN : ref.target(), v.reason(), null, raw.error(), raw.seconds(), raw.cpuSeconds(), raw.sweep());
    }

    private List<RunResult> faulty(List<Faults.FaultClass> classes, List<RunResult> healthy, DataStore store, Runner runner,
                                   ExecutorService pool) {
        List<RunResult> bases = healthy.stream().filter(RunResult::healthy).toList();
        Map<String, RunResult> byId = new HashMap<>();
        healthy.forEach(h -> byId.put(h.id(), h));
        List<Supplier<RunResult>> tasks = new ArrayList<>();
        for (int ci = 0; ci < classes.size(); ci++) {
            Faults.FaultClass c = classes.get(ci);
            List<RunResult> fit = bases.stream().filter(b -> c.applies().test(recipes.get(b.id()))).toList();
            if (fit.isEmpty()) {
                log.println("calibrate: no healthy base run fits " + c.id() + "; skipped");
                continue;
            }
            Set<String> usedDatasets = new HashSet<>();
            Set<String> usedBases = new HashSet<>();
            for (int j = 0; j < o.perClass(); j++) {
                SplittableRandom rnd = random(o.seed(), 2, ci, j);
                RunResult base = pickBase(fit, usedDatasets, usedBases, rnd);
                usedDatasets.add(base.dataset());
                usedBases.add(base.id());
                String id = "f-" + c.id() + "-" + j;
                Recipe baseRecipe = recipes.get(base.id());
                Outcome.Reference ref = reference(base);
                tasks.add(() -> {
                    Faults.Injected in = c.injector().inject(baseRecipe, store.table(baseRecipe.dataset), rnd, store.derived(id));
                    return trainFaulty(runner, c, in, id, base.id(), ref);
                });
            }
        }
        return runAll("faulty", tasks, pool);
    }

    /** A base from a dataset this class has not used yet when possible, else one not used yet, else any. */
    private static RunResult pickBase(List<RunResult> fit, Set<String> usedDatasets, Set<String> usedBases, SplittableRandom rnd) {
        List<RunResult> fresh = fit.stream().filter(b -> !usedDatasets.contains(b.dataset())).toList();
        if (fresh.isEmpty()) {
            fresh = fit.stream().filter(b -> !usedBases.contains(b.id())).toList();
        }
        if (fresh.isEmpty()) {
            fresh = fit;
        }
        return fresh.get(rnd.nextInt(fresh.size()));
    }

    private static Outcome.Reference reference(RunResult base) {
        boolean cls = !"regression".equals(base.task());
        return new Outcome.Reference(cls, base.baselines().bestTest(), base.baselines().trivialTest(), base.testRows());
    }

    private RunResult trainFaulty(Runner runner, Faults.FaultClass c, Faults.Injected in, String id, String baseId,
                                  Outcome.Reference ref) {
        Runner.Raw raw = runner.train(in.recipe(), id, false, variants);
        if (Faults.OWN_REFERENCE.contains(c.id())) {
            ref = reference(raw.report());
        }
        RunResult r = result(id, "faulty", in.recipe(), c.id(), baseId, in, raw, ref);
        boolean needed = switch (c.repair()) {
            case RESTORE -> !r.healthy();
            case RESTORE_WITHOUT_COLUMN, UNREPAIRABLE -> true;
            case NOT_SCORED -> false;
        };
        if (!o.repair() || !needed) {
            return r;
        }
        Runner.Raw rep = runner.train(in.recipe(), id + "-repair", true);
        if (rep.error() != null) {
            return r.withRepair(new RunResult.RepairRow("failed", rep.error(), List.of(), List.of(), Double.NaN, Double.NaN,
                    List.of(), false, "failed: " + rep.error(), rep.seconds(), rep.cpuSeconds()));
        }
        RunResult.RepairRow row = Runner.repair(rep.report(), ref, in.column(),
                c.repair() == Faults.RepairMode.RESTORE_WITHOUT_COLUMN, rep.seconds(), rep.cpuSeconds());
        if (c.repair() == Faults.RepairMode.UNREPAIRABLE) {
            boolean ok = row.outcome().equals("unrepairable");
            row = new RunResult.RepairRow(row.outcome(), row.explanation(), row.trials(), row.finalFindings(), row.finalTest(),
                    row.finalTrivial(), row.finalDropColumns(), ok, ok ? "ok: called unrepairable" : "not called unrepairable",
                    row.seconds(), row.cpuSeconds());
        }
        return r.withRepair(row);
    }

    private List<RunResult> runAll(String what, List<Supplier<RunResult>> tasks, ExecutorService pool) {
        List<Future<RunResult>> fs = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        for (Supplier<RunResult> t : tasks) {
            fs.add(pool.submit(() -> {
                RunResult r = t.get();
                int n = done.incrementAndGet();
                log.printf(Locale.ROOT, "[%s %d/%d %.0fs] %s %s %.1fs %s errors=%s%s%n", what, n, tasks.size(),
                        (System.nanoTime() - t0) / 1e9, r.id(), r.dataset(), r.seconds(), r.healthy() ? "healthy" : "unhealthy",
                        r.findings().stream().filter(f -> f.severity().equals("error")).map(RunResult.FindingRow::code).toList(),
                        r.repair() == null ? "" : " repair=" + r.repair().outcome() + (r.repair().restored() ? "/restored" : ""));
                return r;
            }));
        }
        List<RunResult> out = new ArrayList<>();
        for (Future<RunResult> f : fs) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a run crashed the harness", e.getCause());
            }
        }
        return out;
    }

    static void writeString(Path p, String s) {
        try {
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }
}
