package dev.triage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed changes: values written as run.yaml holds them, the same as the {@code --set} arguments they stand for. */
class ConfigChangeTest {
    private static final String YAML = "data: {path: d.csv, target: y}\nmodel: {hidden: [16, {units: 8, dropout: 0.6, init: zeros}]}\n";

    @TempDir
    Path dir;

    private RunConfig bind() {
        return ConfigBinder.bind(YamlSource.parse(YAML, "run.yaml", dir));
    }

    @Test
    void valuesAreWrittenAsTheDocumentHoldsThem() {
        List<WrittenLayer> layers = List.of(new WrittenLayer(32, null, null, null, null, null),
                new WrittenLayer(4, Activation.TANH, 0.6, Init.ZEROS, null, null));
        ConfigChange c = ConfigChange.of(ConfigKeys.SCALE, Scaling.ROBUST).and(ConfigKeys.EPOCHS, 200)
                .and(ConfigKeys.STRATIFY, Stratify.TRUE).and(ConfigKeys.HIDDEN, layers)
                .and(ConfigKeys.SCHEDULE, ScheduleType.COSINE).and(ConfigKeys.CLASS_WEIGHTS, ClassWeights.Mode.BALANCED)
                .and(ConfigKeys.EARLY_STOPPING, new EarlyStoppingConfig(12, 0.0, true));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("data.preprocess.scale", "robust");
        expected.put("training.epochs", 200L);
        expected.put("data.split.stratify", true);
        expected.put("model.hidden", List.of(32L, Map.of("units", 4L, "activation", "tanh", "dropout", 0.6, "init", "zeros")));
        expected.put("training.schedule", Map.of("type", "cosine"));
        expected.put("training.class_weights", "balanced");
        expected.put("training.early_stopping", Map.of("patience", 12L, "min_delta", 0.0, "restore_best", true));
        assertThat(c.asDocument()).containsExactlyEntriesOf(expected);
        assertThat(ConfigKeys.STRATIFY.toDocument(Stratify.AUTO)).isEqualTo("auto");
        assertThatThrownBy(() -> ConfigKeys.CLASS_WEIGHTS.toDocument(ClassWeights.Mode.EXPLICIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeySetTwiceKeepsTheLaterValueAndNothingChangesTheOriginal() {
        ConfigChange once = ConfigChange.of(ConfigKeys.LEARNING_RATE, 0.1);
        ConfigChange twice = once.and(ConfigKeys.L2, 1e-3).and(ConfigKeys.LEARNING_RATE, 0.01);
        assertThat(twice.asDocument()).containsExactly(Map.entry("training.l2", 1e-3), Map.entry("training.learning_rate", 0.01));
        assertThat(once.asDocument()).containsExactly(Map.entry("training.learning_rate", 0.1));
        assertThat(ConfigChange.NONE.isEmpty()).isTrue();
        assertThatThrownBy(() -> twice.settings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    /** The change applied in code and the same change given as --set arguments give one configuration. */
    @Test
    void aChangeIsWhatItsSetArgumentsDo() throws Exception {
        RunConfig c = bind();
        List<WrittenLayer> written = WrittenLayer.of(c);
        assertThat(written).containsExactly(new WrittenLayer(16, null, null, null, null, null),
                new WrittenLayer(8, null, 0.6, Init.ZEROS, null, null));
        ConfigChange change = ConfigChange.of(ConfigKeys.HIDDEN, List.of(written.get(0).withUnits(32),
                written.get(1).withUnits(4).withActivation(Activation.TANH))).and(ConfigKeys.LEARNING_RATE, 0.01)
                .and(ConfigKeys.OPTIMIZER, Optimizer.NESTEROV).and(ConfigKeys.DROP_COLUMNS, List.of("id"));
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, YAML);
        RunConfig viaSet = RunConfig.load(file, List.of("model.hidden=[32, {units: 4, activation: tanh, dropout: 0.6, init: zeros}]",
                "training.learning_rate=0.01", "training.optimizer=nesterov", "data.drop_columns=[id]"), dir);
        assertThat(c.with(change).tree()).isEqualTo(viaSet.tree());
        assertThat(c.with(change).model().hidden().get(1)).isEqualTo(new LayerConfig(4, Activation.TANH, 0.6, Init.ZEROS, false, 1.0));
    }

    @Test
    void aLayerWithoutOverridesIsWrittenAsItsUnits() {
        assertThat(new WrittenLayer(8, null, 0.5, null, null, null).withDropout(null).toDocument()).isEqualTo(8L);
        assertThat(new WrittenLayer(8, null, null, null, false, 2.0).toDocument())
                .isEqualTo(Map.of("units", 8L, "batch_norm", false, "learning_rate_scale", 2.0));
    }
}
