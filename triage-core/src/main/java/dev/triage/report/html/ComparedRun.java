package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.triage.config.InvalidInputException;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One run folder as {@code triage compare} reads it: its report (when it has one), its configuration
 * (from the report, else {@code run.yaml}), and its recorded epochs ({@code signals.jsonl}, completed
 * from {@code metrics.csv}). Repair trial folders without a report are read too.
 */
record ComparedRun(String name, Path dir, JsonNode report, JsonNode config, JsonNode signals) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static ComparedRun read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": not a folder; pass run folders written by triage train");
        }
        Path report = new RunFolder(dir).report();
        Path runYaml = new RunFolder(dir).config();
        if (!Files.isRegularFile(report) && !Files.isRegularFile(runYaml)) {
            throw new InvalidInputException(dir + ": no report.json or run.yaml here; pass run folders written by triage train");
        }
        JsonNode r = Files.isRegularFile(report) ? RunFiles.parse(report) : MissingNode.getInstance();
        JsonNode config = r.path("config").isObject() ? r.path("config") : yaml(runYaml);
        JsonNode signals = MetricsCsv.complete(RunFiles.signals(dir), new RunFolder(dir).metrics());
        return new ComparedRun(name(dir), dir, r, config, signals);
    }

    /** The folder's name; a repair trial is named with its session ({@code wine-20261203/trial-2}). */
    private static String name(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        String own = String.valueOf(abs.getFileName());
        return new RunFolder(abs).isTrial() ? abs.getParent().getParent().getFileName() + "/" + own : own;
    }

    private static JsonNode yaml(Path file) {
        try {
            return Files.isRegularFile(file) ? YAML.readTree(file.toFile()) : MissingNode.getInstance();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not valid YAML (" + e.getMessage() + ")");
        }
    }

    /** regression or classification, from the report or the recorded setup; "" when neither says. */
    String task() {
        String t = Html.text(report.path("data"), "task");
        return !t.isEmpty() ? t : Html.text(signals.path("setup"), "task").toLowerCase(Locale.ROOT);
    }

    boolean regression() {
        return "regression".equals(task());
    }

    /** Dotted keys to values of the run's configuration, as run.yaml writes them (0.0003, [64,32]). */
    Map<String, String> settings() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        walk("", config, out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(e -> walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, RemedyDiff.yaml(node));
        }
    }

    Signals curves() {
        return new Signals(signals);
    }

    /** The final model's validation metric (rmse or accuracy), NaN when not recorded. */
    double validationMetric() {
        return Html.num(signals.path("evaluation").get("validationMetric"));
    }
}
