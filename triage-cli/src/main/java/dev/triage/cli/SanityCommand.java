package dev.triage.cli;

import dev.triage.session.SanitySession;
import dev.triage.session.SessionOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triage sanity}. */
@Command(name = "sanity", mixinStandardHelpOptions = true,
        description = {"Checks the pipeline, not the tuning: overfit 1, 2 and 8 examples, gradient check,",
            "batch independence. A failure points at a bug. Exit 0 when all pass, 1 otherwise."})
final class SanityCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
    Path json;

    @Override
    public Integer call() {
        return SanitySession.run(config.load(), new SessionOptions(System.out, json, false, Clock.systemDefaultZone())).exitCode();
    }
}
