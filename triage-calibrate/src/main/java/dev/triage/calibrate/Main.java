package dev.triage.calibrate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar calibrate.jar [--runs N] [--per-class K] [--seed S] [--out DIR] [--jobs J]
 * [--datasets DIR] [--no-repair] [--classes a,b] [--only-datasets x,y] [--max-epochs E]}: draws the
 * healthy and faulty populations, trains them all in-process, and writes {@code calibration.json} and
 * {@code calibration.md} into {@code --out}. See docs/calibration.md.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("calibrate: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.println(Options.USAGE);
            return;
        }
        Calibration.Result r = new Calibration(o, System.err).run();
        System.out.println(r.markdownPath());
        System.out.println(r.headline());
    }

    /** Command-line options. */
    record Options(int runs, int perClass, long seed, Path out, int jobs, Path datasets, boolean repair, List<String> classes,
                   List<String> onlyDatasets, int maxEpochs, boolean keepWork) {
        static final String USAGE = """
                usage: calibrate [--runs N] [--per-class K] [--seed S] [--out DIR] [--jobs J] [--datasets DIR]
                                 [--no-repair] [--classes a,b] [--only-datasets x,y] [--max-epochs E] [--keep-work]
                  --runs N         healthy candidates to draw (default 400; runs that lose to a baseline are excluded)
                  --per-class K    faulty runs per fault class (default 8)
                  --seed S         master seed (default 1); every draw derives from it
                  --out DIR        output folder (default calibration-out)
                  --jobs J         runs trained at once, one thread each (default 2)
                  --datasets DIR   the shared datasets (default ../shared/datasets)
                  --no-repair      skip the --repair runs
                  --classes a,b    only these fault classes (default all)
                  --only-datasets  only these datasets (default all)
                  --max-epochs E   cap every run's epochs (for smoke tests)
                  --keep-work      keep DIR/work (the data files of the runs, to repeat one with `triage train`)""";

        static Options parse(String[] a) {
            int runs = 400;
            int perClass = 8;
            long seed = 1;
            Path out = Path.of("calibration-out");
            int jobs = 2;
            Path datasets = Path.of("..", "shared", "datasets");
            boolean repair = true;
            List<String> classes = List.of();
            List<String> only = List.of();
            int maxEpochs = 100_000;
            boolean keepWork = false;
            for (int i = 0; i < a.length; i++) {
                String k = a[i];
                if (k.equals("-h") || k.equals("--help")) {
                    return null;
                }
                if (k.equals("--no-repair")) {
                    repair = false;
                    continue;
                }
                if (k.equals("--keep-work")) {
                    keepWork = true;
                    continue;
                }
                if (i + 1 >= a.length) {
                    throw new IllegalArgumentException(k + ": missing value");
                }
                String v = a[++i];
                switch (k) {
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--per-class" -> perClass = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--out" -> out = Path.of(v);
                    case "--jobs" -> jobs = Math.max(1, Integer.parseInt(v));
                    case "--datasets" -> datasets = Path.of(v);
                    case "--classes" -> classes = Arrays.asList(v.split(","));
                    case "--only-datasets" -> only = Arrays.asList(v.split(","));
                    case "--max-epochs" -> maxEpochs = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + k);
                }
            }
            return new Options(runs, perClass, seed, out, jobs, datasets, repair, classes, only, maxEpochs, keepWork);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            List<Path> all = new ArrayList<>(s.toList());
            java.util.Collections.reverse(all);
            for (Path x : all) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    static PrintStream quietErr() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }
}
