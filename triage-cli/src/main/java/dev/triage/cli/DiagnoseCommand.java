package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.config.Task;
import dev.triage.report.Terminal;
import dev.triage.session.DiagnoseSession;
import dev.triage.session.SessionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage diagnose}. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Diagnoses a run trained anywhere: a triage-telemetry run log (PyTorch probe, DL4J listener, any"
                + " writer; docs/telemetry.md), a Triage run folder, a Keras CSVLogger file, a PyTorch Lightning"
                + " metrics.csv, or a folder of TensorBoard event files.",
            "Writes report.json, report.html and signals.jsonl to a new folder and prints the findings.",
            "Exit codes: 0 no error finding, 1 error findings, 2 bad input."})
final class DiagnoseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", description = "The run log, run folder, CSV log or TensorBoard folder.")
    Path input;

    @Option(names = "--data", paramLabel = "CSV", description = "The data the run was trained on: adds the data checks and the baselines.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The target column of --data.")
    String target;

    @Option(names = "--task", paramLabel = "TASK", description = "regression or classification, when the log cannot tell (loss-only logs).")
    String task;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "data.separator=; or any data.* key: how to read --data (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports (default: a new folder under runs/).")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here (- for standard output).")
    Path json;

    @Override
    public Integer call() {
        Task t = task == null ? Task.AUTO : parseTask(task);
        DiagnoseSession.Request request = new DiagnoseSession.Request(input, Sources.all(t), dataConfig(), out, t);
        SessionOptions options = Outputs.options(json, Terminal.Progress.NORMAL, false);
        return DiagnoseSession.diagnose(request, options).exitCode();
    }

    private RunConfig dataConfig() {
        if (data == null) {
            if (target != null) {
                throw new InvalidInputException("--target " + target + " without --data: give the data file too");
            }
            return null;
        }
        if (target == null) {
            throw new InvalidInputException("--data " + data + " without --target: name the target column, e.g. --target quality");
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<String> all = new ArrayList<>(List.of("data.path=" + cwd.resolve(data), "data.target=" + target));
        for (String s : sets) {
            if (!s.startsWith("data.")) {
                throw new InvalidInputException("--set " + s + ": diagnose reads only data.* keys (how to read --data);"
                        + " the run's own settings come from its log");
            }
            all.add(s);
        }
        return RunConfig.load(null, all, cwd);
    }

    private static Task parseTask(String s) {
        return switch (s) {
            case "regression" -> Task.REGRESSION;
            case "classification" -> Task.CLASSIFICATION;
            default -> throw new InvalidInputException("--task " + s + ": expected regression or classification");
        };
    }
}
