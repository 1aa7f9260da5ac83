package dev.triage.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint records about its run folder besides the training state: how long the run's
 * append-only files ({@code metrics.csv}, the run log) were when it was written, so a resume cuts off
 * whatever a killed run appended after it; and the fingerprints of the input files.
 */
public record CheckpointContext(Map<String, Long> fileLengths, List<InputFingerprint> inputs) {
    public static final CheckpointContext NONE = new CheckpointContext(Map.of(), List.of());

    public CheckpointContext {
        fileLengths = Map.copyOf(fileLengths);
        inputs = List.copyOf(inputs);
    }

    /** The recorded length of a file of the run folder, or -1 when the checkpoint does not know it. */
    public long length(String fileName) {
        return fileLengths.getOrDefault(fileName, -1L);
    }

    void write(ObjectNode header) {
        ObjectNode run = header.putObject("run");
        ObjectNode files = run.putObject("files");
        fileLengths.forEach(files::put);
        var list = run.putArray("inputs");
        for (InputFingerprint f : inputs) {
            list.addObject().put("role", f.role()).put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
    }

    static CheckpointContext read(JsonNode header) {
        JsonNode run = header.path("run");
        Map<String, Long> files = new LinkedHashMap<>();
        run.path("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asLong(-1)));
        List<InputFingerprint> inputs = new ArrayList<>();
        for (JsonNode f : run.path("inputs")) {
            inputs.add(new InputFingerprint(f.path("role").asText(), f.path("path").asText(), f.path("size").asLong(-1),
                    f.path("sha256").asText()));
        }
        return new CheckpointContext(files, inputs);
    }
}
