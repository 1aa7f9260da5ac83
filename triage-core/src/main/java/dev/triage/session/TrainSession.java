package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.ReportData;
import dev.triage.report.Summary;
import dev.triage.report.UserSettings;
import dev.triage.train.Checkpoint;
import dev.triage.train.ConfigResolution;
import dev.triage.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** {@code triage train}: one training run of a configuration, or the continuation of an earlier run. */
public final class TrainSession {
    private TrainSession() {
    }

    public static SessionResult train(RunConfig cfg, SessionOptions o) {
        o.terminal().status("reading " + cfg.data().path().getFileName() + " ...");
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        RunFolder folder = RunFolder.create(resolved.output().dir(), runName(cfg), LocalDateTime.now(o.clock()));
        o.out().println("run folder: " + folder.path());
        if (o.repair() || resolved.doctor().repair()) {
            return RepairSession.run(resolved, data, folder, o, UserSettings.of(cfg));
        }
        Attempt a = RunAttempt.run(resolved, data, folder, o, null);
        ReportData report = Reports.of("train", a, null, folder.path().toString()).withUserSettings(UserSettings.of(cfg));
        AtomicOutputs.writeReport(report, folder.path(), o.json());
        Summary.print(report, o.out());
        return new SessionResult(report);
    }

    /**
     * Continues the run in {@code runDir} up to {@code totalEpochs} epochs in all, from its last
     * checkpoint, with its own configuration and data split.
     */
    public static SessionResult resume(Path runDir, int totalEpochs, SessionOptions o) {
        RunFolder folder = RunFolder.existing(runDir);
        if (!Files.exists(folder.lastCheckpoint())) {
            throw new InvalidInputException(folder.lastCheckpoint() + ": not found; the run kept no checkpoints"
                    + " (output.checkpoints: none), so it cannot be resumed");
        }
        Checkpoint last = Checkpoint.load(folder.lastCheckpoint());
        int done = last.state().nextEpoch() - 1;
        if (totalEpochs <= done) {
            throw new InvalidInputException("--epochs " + totalEpochs + ": the run in " + runDir + " already has " + done
                    + " epochs; pass a larger total, e.g. --epochs " + (done + 10));
        }
        RunConfig saved = RunConfig.load(folder.config());
        int thenEpochs = saved.training().then() == null ? 0 : saved.training().then().epochs();
        if (totalEpochs - thenEpochs < 1) {
            throw new InvalidInputException("--epochs " + totalEpochs + " leaves no epochs for the first phase (the"
                    + " second phase has " + thenEpochs + "); pass more epochs");
        }
        RunConfig cfg = saved.with("training.epochs", (long) (totalEpochs - thenEpochs));
        PreparedData data = DataPreparation.prepare(cfg.data());
        Attempt a = RunAttempt.resume(cfg, data, folder, o, last.state(), bestWeights(folder));
        ReportData report = Reports.of("train", a, null, folder.path().toString());
        AtomicOutputs.writeReport(report, folder.path(), o.json());
        return new SessionResult(report);
    }

    private static double[][] bestWeights(RunFolder folder) {
        if (!Files.exists(folder.bestCheckpoint())) {
            return null;
        }
        Checkpoint best = Checkpoint.load(folder.bestCheckpoint());
        return new double[][] {best.model().parameters(), best.model().buffers()};
    }

    /** output.name, else the config file's name without extension, else "run". */
    static String runName(RunConfig cfg) {
        if (cfg.output().name() != null) {
            return cfg.output().name();
        }
        String src = cfg.source();
        if (src == null || src.isBlank() || src.startsWith("command line")) {
            return "run";
        }
        String file = Path.of(src.replace(" (changed)", "")).getFileName().toString();
        int dot = file.indexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String clean = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean.isEmpty() ? "run" : clean;
    }
}
