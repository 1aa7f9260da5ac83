package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.session.CheckSession;
import dev.triage.session.SessionOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triage check}. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profiles the data, runs every data check and fits the baselines, without training.",
            "Exit codes: 0 no error finding, 1 error findings, 2 bad input."})
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "CSV", description = "The data file (data.path).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The target column (data.target).")
    String target;

    @Option(names = "--test", paramLabel = "CSV", description = "A separate test file with the same columns (data.test_path).")
    Path test;

    @Option(names = "--config", paramLabel = "RUN_YAML", description = "Use this configuration's data and preprocessing settings.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a configuration key (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
    Path json;

    @Override
    public Integer call() {
        if (config == null && (data == null || target == null)) {
            throw new InvalidInputException("give --data CSV and --target COLUMN (or --config RUN_YAML)");
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<String> all = new ArrayList<>();
        if (data != null) {
            all.add("data.path=" + cwd.resolve(data));
        }
        if (target != null) {
            all.add("data.target=" + target);
        }
        if (test != null) {
            all.add("data.test_path=" + cwd.resolve(test));
        }
        all.addAll(sets);
        RunConfig cfg = RunConfig.load(config, all, cwd);
        return CheckSession.check(cfg, new SessionOptions(System.out, json, false, Clock.systemDefaultZone())).exitCode();
    }
}
