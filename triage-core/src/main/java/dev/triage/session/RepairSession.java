package dev.triage.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.ConfigCompare;
import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RepairLoop;
import dev.triage.repair.TrialResult;
import dev.triage.repair.TrialRunner;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.JsonReport;
import dev.triage.report.ReportData;
import dev.triage.report.SetArguments;
import dev.triage.report.Summary;
import dev.triage.report.html.HtmlReport;
import dev.triage.train.AtomicFiles;
import dev.triage.train.ConfigResolution;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code triage train --repair}: the original run and each repair trial get their own run folder under
 * {@code trials/}; the session folder receives the final configuration as {@code run.yaml} (reusable
 * as it is), the final model and loss log, and the report with every trial.
 */
final class RepairSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunFolder top;
    private final SessionOptions options;
    private final List<Attempt> attempts = new ArrayList<>();
    /**
     * The attempt behind each run handed to the repair loop. The loop hands back the very object it was
     * given for the run it ends with, so that object is the handle: no folder path is compared.
     */
    private final Map<TrialResult, Attempt> handed = new IdentityHashMap<>();
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
        TrialRunner runner = new TrialRunner() {
            @Override
            public TrialResult run(RunConfig config, int trial) {
                return s.runTrial(config, trial);
            }

            @Override
            public RunConfig resolve(RunConfig config) {
                return ConfigResolution.resolve(config, data.target());
            }
        };
        RepairLoop.Result result;
        try {
            result = RepairLoop.run(s.trial(original), runner, resolved.doctor().maxRepairTrials(), o.out()::println);
        } catch (Interrupted e) {
            return s.interrupted();
        }
        Attempt last = Objects.requireNonNull(s.handed.get(result.last()), "the repair loop ended with a run it was not given");
        s.publish(last);
        ReportData report = Reports.repaired(original, last, result.outcome(), top.path().toString())
                .withUserSettings(userSettings);
        AtomicOutputs.writeReport(report, top.path(), o.json());
        Summary.print(report, o.out());
        o.out().println("  before repair: " + Summary.metrics(testOf(original)) + "\n  after repair:  " + Summary.metrics(testOf(last)));
        o.out().println("  changes kept:  " + keptChanges(original.config(), last.config()));
        return new SessionResult(report);
    }

    /** The final configuration as {@code --set} arguments against the original, "none" when nothing was kept. */
    static String keptChanges(RunConfig original, RunConfig last) {
        Map<String, Object> changes = ConfigCompare.differences(original.tree(), last.tree(), Set.of("doctor.repair"));
        return changes.isEmpty() ? "none" : SetArguments.arguments(changes).stream().map(a -> "--set " + a)
                .collect(java.util.stream.Collectors.joining(" "))
                + " (the session's run.yaml has them, without doctor.repair)";
    }

    private static dev.triage.train.TaskMetrics testOf(Attempt a) {
        return a.record() == null ? null : a.record().test();
    }

    /** Thrown instead of starting another trial once the user interrupted the session. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** The report of the trial the interrupt stopped, in the session folder; no further trial runs. */
    private SessionResult interrupted() {
        Attempt last = attempts.get(attempts.size() - 1);
        if (last.trained()) {
            publish(last);
        }
        ReportData report = Reports.of("train", last, null, top.path().toString());
        AtomicOutputs.writeReport(report, top.path(), options.json());
        Summary.print(report, options.out());
        return new SessionResult(report);
    }

    private TrialResult runTrial(RunConfig config, int n) {
        if (options.interruption().requested()) {
            throw new Interrupted();
        }
        PreparedData data = DataPreparation.prepare(config.data());
        return trial(attempt(ConfigResolution.resolve(config, data.target()), data, n));
    }

    private Attempt attempt(RunConfig resolved, PreparedData data, int n) {
        RunFolder folder = trialFolder(n);
        options.out().println("-- trial " + n + " (" + ResumePlan.shown(folder) + ")");
        Object key = resolved.tree().get("data");
        Attempt a = RunAttempt.run(resolved, data, folder, options, baselines.get(key));
        if (a.baselines() != null) {
            baselines.put(key, a.baselines());
        }
        attempts.add(a);
        // each trial folder is a run folder of its own: its report, for triage report and triage compare
        AtomicOutputs.writeReport(Reports.of("train", a, null, folder.path().toString()), folder.path(), null);
        return a;
    }

    private RunFolder trialFolder(int n) {
        Path p = top.trial(n).path();
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
        return new RunFolder(p);
    }

    private TrialResult trial(Attempt a) {
        double score = a.log() != null && a.log().evaluation() != null ? a.log().evaluation().score() : Double.NaN;
        double test = a.record() != null && a.record().test() != null ? a.record().test().primary() : Double.NaN;
        TrialResult r = new TrialResult(a.config(), a.findings(), a.log(), score, test, a.folder().path().toString());
        handed.put(r, a);
        return r;
    }

    /** Puts the final run's configuration, model and loss log into the session folder. */
    private void publish(Attempt last) {
        publish(top, last);
    }

    private static void publish(RunFolder top, Attempt last) {
        RepairFolders.markFinal(top, last.folder());
        // the repaired configuration, to train again as it is: repairing it again is not what a re-run means
        SingleRun.writeConfig(top, last.config().with("doctor.repair", false));
        copy(last.folder().model(), top.model());
        copy(last.folder().metrics(), top.metrics());
        copy(last.folder().signals(), top.signals());
    }

    /**
     * After the final trial of a session was resumed: its model, loss log, run log and configuration go
     * to the session folder again, and the session's report becomes the resumed trial's, keeping the
     * repair section of the session's earlier report.
     */
    static ReportData republish(RunFolder top, Attempt resumed, ReportData trialReport, SessionOptions o) {
        publish(top, resumed);
        ReportData report = new ReportData(trialReport.command(), trialReport.data(), trialReport.config(),
                trialReport.findings(), trialReport.baselines(), trialReport.metrics(), null, top.path().toString(),
                trialReport.skipped());
        ObjectNode json = JsonReport.build(report);
        try {
            JsonNode repair = JSON.readTree(top.report().toFile()).get("repair");
            if (repair != null) {
                json.set("repair", repair);
            }
        } catch (IOException e) {
            // the earlier report is unreadable: the resumed run's report stands alone
        }
        json.put("resumed_trial", resumed.folder().path().getFileName().toString());
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(top.report(), text);
        HtmlReport.write(top.path());
        if (o.json() != null) {
            AtomicFiles.write(o.json(), text);
        }
        return report;
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
