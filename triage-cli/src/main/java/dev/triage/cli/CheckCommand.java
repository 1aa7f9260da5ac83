package dev.triage.cli;

import dev.triage.session.CheckSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triage check}. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profiles the data, runs every data check and fits the baselines, without training.",
            "Exit codes: 0 no error finding, 1 error findings, 2 bad input."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--test", paramLabel = "CSV", description = "data.test_path: a separate test file with the same columns.")
    Path test;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here (- for standard output).")
    Path json;

    @Override
    public Integer call() {
        List<String> extra = test == null ? List.of() : List.of("data.test_path=" + Path.of("").toAbsolutePath().resolve(test));
        return CheckSession.check(config.load(extra), Outputs.plain(json)).exitCode();
    }
}
