package dev.triage.cli;

import dev.triage.session.SanitySession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triage sanity}. */
@Command(name = "sanity", mixinStandardHelpOptions = true,
        description = {"Checks the pipeline, not the tuning: overfitting 1, 2 and 8 examples, the gradients, batch independence.",
            "A failure points at a bug. Exit 0 when all pass, 1 otherwise."})
final class SanityCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here (- for standard output).")
    Path json;

    @Override
    public Integer call() {
        return SanitySession.run(config.load(), Outputs.plain(json)).exitCode();
    }
}
