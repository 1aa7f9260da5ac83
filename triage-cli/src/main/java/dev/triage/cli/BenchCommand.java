package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.session.BenchSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triage bench}. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times the training loop of one or more configurations (no run folder is written).",
            "Prints one JSON line per run, in the schema of the peer benchmarks (PyTorch, scikit-learn), then a summary"
                + " line with medians and the doctor-on/doctor-off ratio. Bench configs: bench/small.yaml and bench/wide.yaml."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "RUN_YAML", required = true, description = "A run configuration (repeatable).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", description = "Timed runs per configuration and doctor setting (default 3).")
    int repeat = 3;

    @Option(names = "--doctor", paramLabel = "MODE", description = "on, off or both (default both: gives the overhead ratio).")
    String doctor = "both";

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any key in every config (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        if (repeat < 1 || repeat > 100) {
            throw new InvalidInputException("--repeat " + repeat + ": must be 1..100");
        }
        List<Boolean> modes = switch (doctor.toLowerCase(Locale.ROOT)) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true);
            default -> throw new InvalidInputException("--doctor " + doctor + ": must be on, off or both");
        };
        Path cwd = Path.of("").toAbsolutePath();
        for (Path file : configs) {
            RunConfig cfg = RunConfig.load(file, sets, cwd);
            String name = BenchSession.nameOf(cfg);
            BenchSession bench = BenchSession.prepare(cfg);
            List<BenchSession.Result> results = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                for (boolean on : modes) {
                    BenchSession.Result res = bench.run(name, on);
                    System.out.println(res.toJson(r + 1));
                    results.add(res);
                }
            }
            System.out.println(BenchSession.summaryJson(name, repeat, results));
        }
        return ExitCodes.OK;
    }
}
