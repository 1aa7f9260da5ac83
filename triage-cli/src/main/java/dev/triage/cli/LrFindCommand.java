package dev.triage.cli;

import dev.triage.session.LrFindSession;
import dev.triage.session.SessionOptions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code triage lr-find}. */
@Command(name = "lr-find", mixinStandardHelpOptions = true,
        description = "The learning-rate range test: grows the rate exponentially over 100 steps and suggests one.")
final class LrFindCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        LrFindSession.run(config.load(), new SessionOptions(System.out, null, false, Clock.systemDefaultZone()));
        return ExitCodes.OK;
    }
}
