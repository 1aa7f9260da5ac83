package dev.triage.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model plus the training state needed to continue exactly ({@link TrainingState}), stored as a
 * {@link TriageFile} of kind 'C'. A checkpoint is also a valid model file for prediction.
 */
public record Checkpoint(TrainedModel model, TrainingState state, double validationLoss, CheckpointContext context) {

    public Checkpoint(TrainedModel model, TrainingState state, double validationLoss) {
        this(model, state, validationLoss, CheckpointContext.NONE);
    }

    public void save(Path path) {
        AtomicFiles.write(path, this::writeTo);
    }

    /** The checkpoint file's bytes, streamed (its header, its arrays and their checksum). */
    public void writeTo(OutputStream out) throws IOException {
        ObjectNode h = model.header("checkpoint");
        ObjectNode t = h.putObject("training");
        t.put("next_epoch", state.nextEpoch());
        t.put("step", state.step());
        t.put("phase", state.phase());
        t.put("best_epoch", state.bestEpoch());
        t.put("best_validation_loss", state.bestValidationLoss());
        t.put("validation_loss", validationLoss);
        context.write(h);
        Map<String, TriageFile.Array> arrays = model.arrays();
        // a float32 engine's moments are floats: 4 bytes each unless a value needs more (a step count past 2^24)
        arrays.put("optimizer", new TriageFile.Array(state.optimizer(), TriageFile.exactInFloat(state.optimizer())));
        arrays.put("schedule", new TriageFile.Array(state.schedule(), false));
        arrays.put("early_stopping", new TriageFile.Array(state.earlyStopping(), false));
        TriageFile.write(out, 'C', h, arrays);
    }

    public static Checkpoint load(Path path) {
        String source = path.toString();
        TriageFile f = TriageFile.read(path, 'C');
        TrainedModel model = TrainedModel.from(f, source);
        JsonNode t = f.header().path("training");
        TrainingState state = new TrainingState(t.path("next_epoch").asInt(), t.path("step").asLong(),
                t.path("phase").asInt(), model.parameters(), model.buffers(), f.array("optimizer", source),
                f.array("schedule", source), f.array("early_stopping", source), t.path("best_epoch").asInt(),
                t.path("best_validation_loss").asDouble(Double.POSITIVE_INFINITY));
        return new Checkpoint(model, state, t.path("validation_loss").asDouble(Double.NaN), CheckpointContext.read(f.header()));
    }
}
