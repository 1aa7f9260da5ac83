package dev.triage.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.InvalidInputException;
import dev.triage.probe.telemetry.TelemetryReader;
import dev.triage.report.RunLogJson;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the HTML report is drawn from, read from a run folder: {@code report.json} (findings, metrics,
 * baselines, repair trials), {@code signals.jsonl} (the run log: curves and per-layer probes; may be absent) and the
 * signals of each repair trial.
 */
record RunFiles(Path dir, JsonNode report, JsonNode signals, List<Trial> trials) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One repair trial: its entry in the report and its recorded signals (missing node when absent). */
    record Trial(JsonNode entry, JsonNode signals) {
    }

    static RunFiles read(Path dir) {
        Path report = new RunFolder(dir).report();
        if (!Files.isRegularFile(report)) {
            throw new InvalidInputException(dir + ": no report.json here; pass a run folder written by triage train"
                    + " (it holds run.yaml and report.json)");
        }
        JsonNode r = parse(report);
        List<Trial> trials = new ArrayList<>();
        Path original = new RunFolder(dir).trial(0).path();
        if (r.path("repair").path("attempted").asBoolean(false) && Files.isDirectory(original)) {
            JsonNode signals = signals(original);
            ObjectNode entry = JSON.createObjectNode().put("trial", 0).put("kept", false)
                    .put("reason", "the original run, as configured");
            entry.set("val_loss", signals.path("evaluation").path("validationScore"));
            entry.set("regression".equals(Html.text(r.path("data"), "task")) ? "val_rmse" : "val_accuracy",
                    signals.path("evaluation").path("validationMetric"));
            entry.set("test_metric", signals.path("evaluation").path("testMetric"));
            trials.add(new Trial(entry, signals));
        }
        for (JsonNode t : r.path("repair").path("trials")) {
            String runDir = Html.text(t, "run_dir");
            JsonNode s = runDir.isEmpty() ? MissingNode.getInstance() : signals(resolve(dir, runDir));
            trials.add(new Trial(t, s));
        }
        JsonNode signals = MetricsCsv.complete(signals(dir), new RunFolder(dir).metrics());
        return new RunFiles(dir, r, signals, trials);
    }

    /** A trial folder as recorded, or under this folder's trials/ when the run folder was moved. */
    private static Path resolve(Path dir, String recorded) {
        Path p = Path.of(recorded);
        if (Files.isDirectory(p)) {
            return p;
        }
        return new RunFolder(dir).trials().resolve(p.getFileName().toString());
    }

    /**
     * A folder's run log as the tree the charts read (that of {@link RunLogJson}); a missing node when
     * the folder has none. Older run folders hold it as {@code signals.json}, already in that shape.
     */
    static JsonNode signals(Path dir) {
        Path jsonl = new RunFolder(dir).signals();
        if (Files.isRegularFile(jsonl)) {
            return RunLogJson.tree(TelemetryReader.read(jsonl).log());
        }
        return optional(new RunFolder(dir).oldSignals());
    }

    private static JsonNode optional(Path file) {
        return Files.isRegularFile(file) ? parse(file) : MissingNode.getInstance();
    }

    static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON (" + e.getOriginalMessage()
                    + "); it may be truncated - re-run the command that wrote it");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + "); check its permissions");
        }
    }
}
