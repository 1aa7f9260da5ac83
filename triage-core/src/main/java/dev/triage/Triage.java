package dev.triage;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.config.Task;
import dev.triage.diagnose.Finding;
import dev.triage.probe.foreign.KerasCsvSource;
import dev.triage.probe.foreign.LightningCsvSource;
import dev.triage.probe.foreign.RunLogSource;
import dev.triage.probe.foreign.TelemetrySource;
import dev.triage.report.Terminal;
import dev.triage.session.CheckSession;
import dev.triage.session.DiagnoseSession;
import dev.triage.session.SessionListener;
import dev.triage.session.SessionOptions;
import dev.triage.session.TrainSession;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Triage in a Java program: train a network while the doctor watches it, check data, diagnose a run
 * recorded anywhere, repair. Every setting of {@code run.yaml} (docs/configuration.md) can be given
 * with {@link Run#set}; bad values throw {@link InvalidInputException} with the key, the allowed
 * values and a hint.
 *
 * <pre>{@code
 * TriageResult r = Triage.train(Path.of("wine_quality_red.csv"), "quality")
 *         .set("model.hidden", "[64, 32]")
 *         .epochs(50)
 *         .outputDir(Path.of("runs"))
 *         .listener(new TriageListener() {
 *             public void onFinding(Finding f) { System.out.println(f.code() + ": " + f.message()); }
 *         })
 *         .train();
 * if (r.hasErrors()) { ... }            // and r.runDir() holds report.html
 * }</pre>
 */
public final class Triage {
    private Triage() {
    }

    /** A run configured by a {@code run.yaml} file (paths in it are relative to the file). */
    public static Run fromConfig(Path runYaml) {
        return new Run(runYaml, null);
    }

    /** A run on a CSV file with the given target column; every other setting at its default until set. */
    public static Run train(Path csv, String target) {
        return new Run(null, null).set("data.path", csv.toAbsolutePath().toString()).set("data.target", target);
    }

    /** A run on data held in memory; it is written to the output folder as CSV, so the run can be trained again. */
    public static Run train(Dataset data) {
        return new Run(null, data).set("data.target", data.targetName());
    }

    /**
     * Diagnoses a run recorded anywhere: a {@code triage-telemetry} run log (PyTorch probe, DL4J
     * listener, any writer), a Triage run folder, a Keras CSVLogger file or a Lightning metrics.csv.
     * Reports go to a new folder under {@code runs/}.
     */
    public static TriageResult diagnose(Path runLog) {
        return diagnose(runLog, null, null, null);
    }

    /** As {@link #diagnose(Path)}, with the data the run was trained on (data checks and baselines) and a report folder. */
    public static TriageResult diagnose(Path runLog, Path csv, String target, Path outDir) {
        RunConfig data = csv == null ? null : RunConfig.load(null, List.of("data.path=" + csv.toAbsolutePath(),
                "data.target=" + target), Path.of("").toAbsolutePath());
        List<RunLogSource> sources = List.of(new TelemetrySource(), new LightningCsvSource(Task.AUTO),
                new KerasCsvSource(Task.AUTO));
        return new TriageResult(DiagnoseSession.diagnose(new DiagnoseSession.Request(runLog, sources, data, outDir, Task.AUTO),
                SessionOptions.quiet()));
    }

    /** A builder for one run; not thread-safe, use one per thread. */
    public static final class Run {
        private final Path config;
        private final Dataset dataset;
        private final List<String> overrides = new ArrayList<>();
        private TriageListener listener = new TriageListener() {
        };
        private PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        private boolean repair;
        private Path outputDir = Path.of("runs");

        private Run(Path config, Dataset dataset) {
            this.config = config;
            this.dataset = dataset;
        }

        /** Any key of run.yaml, e.g. {@code set("training.optimizer", "sgd")}, {@code set("model.hidden", "[64, 32]")}. */
        public Run set(String dottedKey, Object value) {
            overrides.add(dottedKey + "=" + value);
            return this;
        }

        public Run epochs(int epochs) {
            return set("training.epochs", epochs);
        }

        public Run learningRate(double rate) {
            return set("training.learning_rate", rate);
        }

        /** {@code regression} or {@code classification}. */
        public Run task(String task) {
            return set("data.task", task);
        }

        public Run seed(long seed) {
            return set("training.seed", seed);
        }

        /** Where run folders are created (default {@code runs}). */
        public Run outputDir(Path dir) {
            outputDir = dir;
            return set("output.dir", dir.toAbsolutePath().toString());
        }

        public Run listener(TriageListener l) {
            listener = l;
            return this;
        }

        /** Print progress, findings and the summary as the command line does (default: silent). */
        public Run printTo(PrintStream stream) {
            out = stream;
            return this;
        }

        /** After training, repair the run: apply remedies one at a time, keep what measurably helps. */
        public Run repair(boolean on) {
            repair = on;
            return this;
        }

        /** The resolved configuration these settings give (without training). */
        public RunConfig config() {
            List<String> all = new ArrayList<>(overrides);
            if (dataset != null) {
                Path csv = outputDir.toAbsolutePath().resolve(dataset.targetName().replaceAll("[^A-Za-z0-9_.-]", "_") + "-data.csv");
                all.add(0, "data.path=" + dataset.writeCsv(csv));
            }
            return RunConfig.load(config, all, Path.of("").toAbsolutePath());
        }

        /** Trains with the doctor watching; returns when the run (and any repair) ended and its reports are written. */
        public TriageResult train() {
            TriageResult r = new TriageResult(TrainSession.train(config(), options(repair)));
            listener.onResult(r);
            return r;
        }

        /** The data doctor alone: profile, data checks and baselines, no training. */
        public TriageResult check() {
            TriageResult r = new TriageResult(CheckSession.check(config(), options(false)));
            listener.onResult(r);
            return r;
        }

        private SessionOptions options(boolean repairOn) {
            TriageListener l = listener;
            SessionListener bridge = new SessionListener() {
                @Override
                public void onFinding(Finding finding) {
                    l.onFinding(finding);
                }

                @Override
                public void onEpoch(int epoch, double trainLoss, double validationLoss, double validationMetric, Runnable stop) {
                    l.onEpoch(new TriageListener.Epoch(epoch, trainLoss, validationLoss, validationMetric, stop));
                }
            };
            return new SessionOptions(Terminal.plain(out), null, repairOn, Clock.systemDefaultZone(), bridge);
        }
    }
}
