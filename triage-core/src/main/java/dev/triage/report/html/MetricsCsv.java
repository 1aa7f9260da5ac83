package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Epoch curves from a run folder's {@code metrics.csv}, for runs whose signals do not cover every
 * epoch: the doctor was off, or the run was resumed after its signals were written.
 */
final class MetricsCsv {
    private static final String[] FIELDS = {"epoch", "step", "learningRate", "trainLoss", "validationLoss", "validationMetric"};

    private MetricsCsv() {
    }

    /** The signals with their epoch list replaced by the loss log's when the log has more epochs. */
    static JsonNode complete(JsonNode signals, Path metrics) {
        ArrayNode epochs = read(metrics);
        if (epochs == null || epochs.size() <= signals.path("epochs").size()) {
            return signals;
        }
        ObjectNode out = signals.isObject() ? ((ObjectNode) signals).deepCopy() : JsonNodeFactory.instance.objectNode();
        out.set("epochs", epochs);
        return out;
    }

    private static ArrayNode read(Path file) {
        List<String> lines;
        try {
            lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cells = line.split(",", -1);
            ObjectNode e = out.addObject();
            for (int i = 0; i < FIELDS.length && i < cells.length; i++) {
                e.put(FIELDS[i], parse(cells[i]));
            }
        }
        return out;
    }

    private static double parse(String cell) {
        try {
            return cell.isBlank() ? Double.NaN : Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
