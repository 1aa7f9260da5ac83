package dev.triage.session;

import dev.triage.data.Text;
import dev.triage.config.InvalidInputException;
import dev.triage.config.RunConfig;
import dev.triage.train.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code triage demo}: trains a realistically broken run on the wine-quality data that ships with
 * Triage (raw, unscaled features and a learning rate far too high for plain SGD), shows what the
 * doctor finds as it happens, repairs it, and prints the metrics before and after.
 */
public final class DemoSession {
    static final String DATA = "wine_quality_red.csv";
    static final String CONFIG = String.join("\n",
            "# triage demo: a typical broken first attempt at a regression network",
            "data:",
            "  path: " + DATA,
            "  target: quality",
            "  task: regression",
            "  preprocess:",
            "    scale: none          # raw features: total_sulfur_dioxide is in the hundreds, density ~1",
            "model:",
            "  hidden: [64, 32]",
            "training:",
            "  optimizer: sgd",
            "  learning_rate: 0.05    # a rate for scaled inputs, far too high for raw ones",
            "  epochs: 40",
            "output:",
            "  dir: ../",
            "  name: demo",
            "");

    private DemoSession() {
    }

    /** Writes the demo data and config under {@code dir}/demo-input and runs it; returns the session result. */
    public static SessionResult run(Path dir, SessionOptions options) {
        Path input = dir.resolve("demo-input");
        Path config = input.resolve("demo.yaml");
        extract(input.resolve(DATA));
        AtomicFiles.write(config, CONFIG);
        options.out().println("triage demo: training on the shipped wine-quality data (" + Text.printable(input.resolve(DATA).toString(), 500) + ")");
        options.out().println("config: " + Text.printable(config.toString(), 500));
        RunConfig cfg = RunConfig.load(config, List.of(), dir);
        return TrainSession.train(cfg, options);
    }

    private static void extract(Path target) {
        try (InputStream in = DemoSession.class.getResourceAsStream("/dev/triage/demo/" + DATA)) {
            if (in == null) {
                throw new IllegalStateException("the demo dataset is missing from the Triage jar");
            }
            AtomicFiles.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new InvalidInputException(target + ": cannot write the demo data (" + e.getMessage() + ")");
        }
    }
}
