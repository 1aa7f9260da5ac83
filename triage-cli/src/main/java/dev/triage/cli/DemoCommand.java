package dev.triage.cli;

import dev.triage.config.DType;
import dev.triage.nn.KernelWarmup;
import dev.triage.report.Terminal;
import dev.triage.session.DemoSession;
import dev.triage.session.SessionOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triage demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Trains a broken run on the shipped wine-quality data, diagnoses it and repairs it (about a minute).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where the demo writes its input and run folders (default: ./runs).")
    Path dir = Path.of("runs");

    @Override
    public Integer call() {
        KernelWarmup.start(DType.FLOAT32); // compiles the kernels while the demo's data is written and read
        SessionOptions options = new SessionOptions(Terminal.system(Terminal.Progress.NORMAL), null, true,
                Clock.systemDefaultZone());
        DemoSession.run(dir.toAbsolutePath(), options);
        return ExitCodes.OK;
    }
}
