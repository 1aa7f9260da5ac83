package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every configuration-driven command shares: --config, --data, --target and --set. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "RUN_YAML", description = "The run configuration (docs/configuration.md).")
    Path config;

    @Option(names = "--data", paramLabel = "CSV", description = "Data file (data.path).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target column (data.target).")
    String target;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any key (repeatable).")
    List<String> sets = new ArrayList<>();

    RunConfig load() {
        return load(List.of());
    }

    /** The configuration with {@code extra} overrides applied after --data/--target and before --set. */
    RunConfig load(List<String> extra) {
        if (config == null && data == null) {
            throw new InvalidInputException("give --config RUN_YAML, or --data CSV with --target COLUMN");
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<String> all = new ArrayList<>();
        if (data != null) {
            all.add("data.path=" + cwd.resolve(data));
        }
        if (target != null) {
            all.add("data.target=" + target);
        }
        all.addAll(extra);
        all.addAll(sets);
        return RunConfig.load(config, all, cwd);
    }
}
