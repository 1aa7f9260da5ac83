package dev.triage.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.DType;
import dev.triage.config.InvalidInputException;
import dev.triage.data.Preprocessor;
import dev.triage.nn.Engine;
import dev.triage.nn.Engines;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained network with its preprocessing: everything {@code triage predict} needs. Stored as a
 * {@link TriageFile} of kind 'M' ({@code model.triage}); checkpoints carry the same plus training state.
 */
public record TrainedModel(NetworkSpec network, DType dtype, Preprocessor preprocessor, double[] parameters,
                           double[] buffers, Map<String, Object> config, String triageVersion) {

    public static TrainedModel of(Engine engine, Preprocessor pre, Map<String, Object> config, String version) {
        return new TrainedModel(engine.spec(), engine.dtype(), pre, engine.parameters(), engine.buffers(), config, version);
    }

    /** A fresh engine holding these weights (the optimizer is irrelevant for prediction). */
    public Engine engine(int batchCapacity) {
        Engine e = Engines.create(network, OptimizerSpec.of(dev.triage.config.Optimizer.SGD), dtype, batchCapacity);
        e.setParameters(parameters);
        e.setBuffers(buffers);
        return e;
    }

    ObjectNode header(String kind) {
        ObjectNode h = TriageFile.JSON.createObjectNode();
        h.put("kind", kind);
        h.put("triage_version", triageVersion);
        h.put("dtype", dtype.configName());
        h.set("network", TriageFile.JSON.valueToTree(network));
        h.set("preprocessor", TriageFile.JSON.valueToTree(preprocessor));
        h.set("config", TriageFile.JSON.valueToTree(config));
        return h;
    }

    Map<String, TriageFile.Array> arrays() {
        boolean f32 = dtype == DType.FLOAT32;
        Map<String, TriageFile.Array> a = new LinkedHashMap<>();
        a.put("parameters", new TriageFile.Array(parameters, f32));
        a.put("buffers", new TriageFile.Array(buffers, f32));
        return a;
    }

    public void save(Path path) {
        ObjectNode h = header("model");
        Map<String, TriageFile.Array> a = arrays();
        AtomicFiles.write(path, out -> TriageFile.write(out, 'M', h, a));
    }

    public static TrainedModel load(Path path) {
        return from(TriageFile.read(path, 'M'), path.toString());
    }

    @SuppressWarnings("unchecked")
    static TrainedModel from(TriageFile f, String source) {
        JsonNode h = f.header();
        try {
            NetworkSpec net = TriageFile.JSON.treeToValue(h.get("network"), NetworkSpec.class);
            Preprocessor pre = TriageFile.JSON.treeToValue(h.get("preprocessor"), Preprocessor.class);
            Map<String, Object> cfg = TriageFile.JSON.treeToValue(h.get("config"), LinkedHashMap.class);
            DType dtype = "float64".equals(h.path("dtype").asText()) ? DType.FLOAT64 : DType.FLOAT32;
            double[] params = f.array("parameters", source);
            if (params.length != net.parameterCount()) {
                throw new InvalidInputException(source + ": holds " + params.length + " parameters but its network needs "
                        + net.parameterCount() + "; the file is damaged");
            }
            return new TrainedModel(net, dtype, pre, params, f.array("buffers", source), cfg,
                    h.path("triage_version").asText("?"));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(source + ": the model description cannot be read (" + e.getMessage()
                    + "); it was written by an incompatible Triage or is damaged");
        }
    }
}
