package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.probe.telemetry.Telemetry;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RepairLoop;
import dev.triage.repair.TrialResult;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.ReportData;
import dev.triage.report.Summary;
import dev.triage.train.AtomicFiles;
import dev.triage.train.ConfigResolution;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code triage train --repair}: the original run and each repair trial get their own run folder under
 * {@code trials/}; the session folder receives the final configuration as {@code run.yaml} (reusable
 * as it is), the final model and loss log, and the report with every trial.
 */
final class RepairSession {
    private final RunFolder top;
    private final SessionOptions options;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<Object, Baselines> baselines = new HashMap<>();

    private RepairSession(RunFolder top, SessionOptions options) {
        this.top = top;
        this.options = options;
    }

    static SessionResult run(RunConfig resolved, PreparedData data, RunFolder top, SessionOptions o) {
        return run(resolved, data, top, o, null);
    }

    /** {@code userSettings}: what the user set (the report lists it; null when not known). */
    static SessionResult run(RunConfig resolved, PreparedData data, RunFolder top, SessionOptions o,
                             Map<String, Object> userSettings) {
        RepairSession s = new RepairSession(top, o);
        Attempt original = s.attempt(resolved, data, 0);
        RepairLoop.Result result = RepairLoop.run(s.trial(original), s::runTrial, resolved.doctor().maxRepairTrials(),
                o.out()::println);
        Attempt last = s.attempts.stream().filter(a -> a.folder().path().toString().equals(result.last().runDir()))
                .findFirst().orElse(original);
        s.publish(last);
        ReportData report = Reports.repaired(original, last, result.outcome(), top.path().toString())
                .withUserSettings(userSettings);
        AtomicOutputs.writeReport(report, top.path(), o.json());
        Summary.print(report, o.out());
        o.out().println("  before repair: " + Summary.metrics(testOf(original)) + "\n  after repair:  " + Summary.metrics(testOf(last)));
        return new SessionResult(report);
    }

    private static dev.triage.train.TaskMetrics testOf(Attempt a) {
        return a.record() == null ? null : a.record().test();
    }

    private TrialResult runTrial(RunConfig config, int n) {
        PreparedData data = DataPreparation.prepare(config.data());
        return trial(attempt(ConfigResolution.resolve(config, data.target()), data, n));
    }

    private Attempt attempt(RunConfig resolved, PreparedData data, int n) {
        RunFolder folder = trialFolder(n);
        options.out().println("-- trial " + n + " (" + folder.path() + ")");
        Object key = resolved.tree().get("data");
        Attempt a = RunAttempt.run(resolved, data, folder, options, baselines.get(key));
        if (a.baselines() != null) {
            baselines.put(key, a.baselines());
        }
        attempts.add(a);
        return a;
    }

    private RunFolder trialFolder(int n) {
        Path p = top.path().resolve("trials").resolve("trial-" + n);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
        return new RunFolder(p);
    }

    private TrialResult trial(Attempt a) {
        double score = a.log() != null && a.log().evaluation() != null ? a.log().evaluation().validationScore() : Double.NaN;
        double test = a.record() != null && a.record().test() != null ? a.record().test().primary() : Double.NaN;
        return new TrialResult(a.config(), a.findings(), a.log(), score, test, a.folder().path().toString());
    }

    /** Puts the final run's configuration, model and loss log into the session folder. */
    private void publish(Attempt last) {
        SingleRun.writeConfig(top, last.config());
        copy(last.folder().model(), top.model());
        copy(last.folder().metrics(), top.metrics());
        copy(last.folder().path().resolve(Telemetry.FILE_NAME), top.path().resolve(Telemetry.FILE_NAME));
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                AtomicFiles.write(to, Files.readAllBytes(from));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }
}
