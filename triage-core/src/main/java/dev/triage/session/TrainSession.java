package dev.triage.session;

import dev.triage.data.Text;
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
import java.nio.file.Path;
import java.time.LocalDateTime;

/** {@code triage train}: one training run of a configuration, or the continuation of an earlier run. */
public final class TrainSession {
    private TrainSession() {
    }

    public static SessionResult train(RunConfig cfg, SessionOptions o) {
        OutputPaths.requireNotInput(o.json(), "--json", OutputPaths.inputsOf(cfg));
        o.terminal().status("reading " + Text.printable(String.valueOf(cfg.data().path().getFileName())) + " ...");
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        RunFolder folder = RunFolder.create(resolved.output().dir(), runName(cfg), LocalDateTime.now(o.clock()));
        o.out().println("run folder: " + ResumePlan.shown(folder));
        if (o.repair() || resolved.doctor().repair()) {
            return RepairSession.run(resolved, data, folder, o, UserSettings.of(cfg));
        }
        Attempt a = RunAttempt.run(resolved, data, folder, o, null);
        ReportData report = Reports.of("train", a, null, folder.path().toString()).withUserSettings(UserSettings.of(cfg));
        AtomicOutputs.writeReport(report, folder.path(), o.json());
        Summary.print(report, o.out());
        MemoryCheck.requireTrained(a);
        return finish(new SessionResult(report), folder, resolved, a, o);
    }

    /**
     * Continues the run in {@code runDir} up to {@code totalEpochs} epochs in all, from its last
     * checkpoint, with its own configuration and data split ({@link ResumePlan} says what is refused),
     * and reports on the whole run. A {@code --repair} session folder continues its final trial.
     */
    public static SessionResult resume(Path runDir, int totalEpochs, boolean withoutEarlyStopping, SessionOptions o) {
        ResumePlan plan = ResumePlan.of(runDir, totalEpochs, withoutEarlyStopping);
        OutputPaths.requireNotInput(o.json(), "--json", OutputPaths.inputsOf(plan.config()));
        o.out().println("resuming: " + ResumePlan.shown(plan.folder()) + (plan.outputsOnly()
                ? " (its training had ended; writing its outputs)" : ""));
        PreparedData data = DataPreparation.prepare(plan.config().data());
        Attempt a = RunAttempt.resume(plan, data, o);
        ReportData report = Reports.of("train", a, null, plan.folder().path().toString());
        AtomicOutputs.writeReport(report, plan.folder().path(), plan.repairSession() ? null : o.json());
        if (plan.repairSession()) {
            report = RepairSession.republish(plan.session(), a, report, o);
        }
        Summary.print(report, o.out());
        return finish(new SessionResult(report), plan.session(), plan.config(), a, o);
    }

    /** After an interrupt: where the run stopped and the command that continues it. */
    private static SessionResult finish(SessionResult result, RunFolder folder, RunConfig cfg, Attempt a, SessionOptions o) {
        if (result.interrupted() && a.record() != null) {
            String detail = a.record().outcome().detail();
            boolean saved = java.nio.file.Files.exists(a.folder().lastCheckpoint());
            o.out().println("  stopped: " + (detail == null ? "interrupted" : detail) + (saved
                    ? "\n  continue with: triage train --resume " + ResumePlan.shown(folder) + " --epochs " + cfg.training().totalEpochs()
                    : ""));
        }
        return result;
    }

    /** Like {@link #resume(Path, int, boolean, SessionOptions)} with early stopping as configured. */
    public static SessionResult resume(Path runDir, int totalEpochs, SessionOptions o) {
        return resume(runDir, totalEpochs, false, o);
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
