package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.config.Task;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Replay;
import dev.triage.diagnose.Rules;
import dev.triage.probe.BaselineRunner;
import dev.triage.probe.DataProfiler;
import dev.triage.probe.foreign.LoadedRun;
import dev.triage.probe.foreign.RunLogSource;
import dev.triage.probe.log.RunLog;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.FindingPrinter;
import dev.triage.report.ReportData;
import dev.triage.report.Summary;
import dev.triage.data.Text;
import dev.triage.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code triage diagnose}: reads a run recorded anywhere (a run log, a Triage run folder, a Keras or
 * Lightning CSV log, TensorBoard event files), optionally profiles the data it was trained on and fits
 * the baselines, replays the rules over it and writes report.json, report.html and signals.jsonl.
 */
public final class DiagnoseSession {
    private DiagnoseSession() {
    }

    /**
     * What to diagnose: the run's file or folder, the sources that may read it (in order), the data it was
     * trained on (a configuration with data.path and data.target; null without), the folder for the
     * outputs (null: a new folder under {@code runs/}) and the task when the log cannot tell.
     */
    public record Request(Path input, List<RunLogSource> sources, RunConfig data, Path outDir, Task task) {
        public Request {
            sources = List.copyOf(sources);
        }
    }

    public static SessionResult diagnose(Request r, SessionOptions o) {
        LoadedRun run = load(r);
        RunLog log = run.log();
        o.out().println("run log: " + Text.printable(r.input().toString(), 500) + " (" + run.format() + ", "
                + describe(log) + ")");
        run.notes().forEach(n -> o.out().println("note: " + n));
        PreparedData data = null;
        if (r.data() != null) {
            o.terminal().status("profiling " + r.data().data().path().getFileName() + " and fitting the baselines ...");
            data = withData(log, r.data());
        }
        Doctor doctor = Replay.run(log, new Doctor(Rules.all(), List.of()));
        FindingPrinter printer = new FindingPrinter(o.terminal());
        doctor.findings().forEach(printer::print);
        Path dir = outputFolder(r, o);
        ReportData report = DiagnoseReport.of(r.input(), run, data, doctor, dir);
        AtomicOutputs.writeSignals(dir, log);
        AtomicOutputs.writeReport(report, dir, o.json());
        Summary.print(report, o.out());
        return new SessionResult(report);
    }

    private static LoadedRun load(Request r) {
        if (!Files.exists(r.input())) {
            throw new InvalidInputException(r.input() + ": no such file or folder; pass a run log (.jsonl), a Triage run"
                    + " folder, a Keras CSVLogger file, a Lightning metrics.csv or a folder of TensorBoard event files");
        }
        for (RunLogSource s : r.sources()) {
            if (s.recognizes(r.input())) {
                return s.read(r.input());
            }
        }
        throw new InvalidInputException(r.input() + ": not a run log Triage can read; expected "
                + String.join(", ", r.sources().stream().map(RunLogSource::format).toList())
                + " (see docs/telemetry.md for the open format)");
    }

    /** Profiles the data the run was trained on and fits the baselines, so the data checks and "beats a baseline?" work too. */
    private static PreparedData withData(RunLog log, RunConfig cfg) {
        String task = log.setup().task().configName();
        PreparedData data = DataPreparation.prepare(cfg.with("data.task", task).data());
        log.setData(DataProfiler.profile(data));
        log.setBaselines(BaselineRunner.run(data, cfg.data().split().seed()));
        return data;
    }

    private static String describe(RunLog log) {
        int layers = log.setup().layers().size();
        String model = log.setup().layers().get(0).units() == 0 ? "model not recorded" : layers + " layers";
        return log.origin().framework() + ", " + log.setup().task().configName() + ", " + model + ", " + log.stepCount()
                + " steps, " + log.epochs().size() + " epochs";
    }

    private static Path outputFolder(Request r, SessionOptions o) {
        if (r.outDir() != null) {
            try {
                Files.createDirectories(r.outDir());
            } catch (java.io.IOException e) {
                throw new InvalidInputException("--out " + r.outDir() + ": cannot create the folder (" + e.getMessage()
                        + "); pass a folder you can write to");
            }
            return r.outDir();
        }
        String stem = r.input().toAbsolutePath().normalize().getFileName().toString().replaceAll("\\.[A-Za-z0-9]+$", "");
        String name = "diagnose-" + stem.replaceAll("[^A-Za-z0-9_.-]", "_").toLowerCase(Locale.ROOT);
        return RunFolder.create(Path.of("runs"), name, LocalDateTime.now(o.clock())).path();
    }
}
