package dev.triage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {
    private static final Path BASE = Path.of("/tmp/cfg");

    static RunConfig bind(String yaml) {
        return ConfigBinder.bind(YamlSource.parse(yaml, "run.yaml", BASE));
    }

    @Test
    void fillsEveryDefaultOfTheSpec() {
        RunConfig c = bind("data:\n  path: d.csv\n  target: y\n");
        assertThat(c.data().path()).isEqualTo(Path.of("/tmp/cfg/d.csv"));
        assertThat(c.data().task()).isEqualTo(Task.AUTO);
        assertThat(c.data().missing()).containsExactly("", "NA", "NaN", "?");
        assertThat(c.data().split().validation()).isEqualTo(0.15);
        assertThat(c.data().split().seed()).isEqualTo(42);
        assertThat(c.data().preprocess().scale()).isEqualTo(Scaling.STANDARD);
        assertThat(c.model().hidden()).extracting(LayerConfig::units).containsExactly(64, 32);
        assertThat(c.model().activation()).isEqualTo(Activation.RELU);
        assertThat(c.training().optimizer()).isEqualTo(Optimizer.ADAM);
        assertThat(c.training().learningRate()).isEqualTo(0.001);
        assertThat(c.training().batchSize()).isEqualTo(32);
        assertThat(c.training().epochs()).isEqualTo(100);
        assertThat(c.training().earlyStopping()).isNull();
        assertThat(c.doctor().enabled()).isTrue();
        assertThat(c.doctor().maxRepairTrials()).isEqualTo(5);
        assertThat(c.output().checkpoints()).isEqualTo(CheckpointPolicy.BEST_AND_LAST);
    }

    @Test
    void unknownKeyNamesFileLineAndNearestKey() {
        assertThatThrownBy(() -> bind("data:\n  path: d.csv\n  target: y\ntraining:\n  learnig_rate: 0.1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("run.yaml:5: unknown key 'training.learnig_rate'; did you mean 'training.learning_rate'?");
    }

    @Test
    void keyInTheWrongSectionSuggestsTheRightOne() {
        assertThatThrownBy(() -> bind("data:\n  path: d.csv\n  target: y\ntraining:\n  dropout: 0.2\n"))
                .hasMessageContaining("unknown key 'training.dropout'").hasMessageContaining("model.dropout");
    }

    @Test
    void wrongTypeAndOutOfRangeValuesSayTheAllowedRange() {
        assertThatThrownBy(() -> bind("data: {path: d.csv, target: y}\ntraining:\n  learning_rate: -0.1\n"))
                .hasMessageStartingWith("run.yaml:3: training.learning_rate = -0.1 is out of range: must be > 0 and <= 100");
        assertThatThrownBy(() -> bind("data: {path: d.csv, target: y}\nmodel:\n  dropout: 1.0\n"))
                .hasMessageContaining("model.dropout = 1.0 is out of range: must be >= 0 and < 1");
        assertThatThrownBy(() -> bind("data: {path: d.csv, target: y}\ntraining:\n  epochs: ten\n"))
                .hasMessageContaining("training.epochs = 'ten' must be an integer between 1 and 1000000");
        assertThatThrownBy(() -> bind("data: {path: d.csv, target: y}\nmodel:\n  activation: rleu\n"))
                .hasMessageContaining("model.activation = 'rleu' is not one of").hasMessageContaining("did you mean 'relu'?");
    }

    @Test
    void missingRequiredKeysAndEmptyDocumentsAreExplained() {
        assertThatThrownBy(() -> bind("data:\n  path: d.csv\n")).hasMessageContaining("data.target is required");
        assertThatThrownBy(() -> YamlSource.parse("", "run.yaml", BASE)).hasMessageContaining("run.yaml: the file is empty");
        assertThatThrownBy(() -> YamlSource.parse("- a\n- b\n", "run.yaml", BASE)).hasMessageContaining("expected a map");
        assertThatThrownBy(() -> YamlSource.parse("data:\n  path: [a\n", "run.yaml", BASE)).hasMessageContaining("invalid YAML");
    }

    @Test
    void hiddenLayersTakeCountsOrMapsThatInheritDefaults() {
        RunConfig c = bind("data: {path: d.csv, target: y}\nmodel:\n  activation: tanh\n  dropout: 0.1\n"
                + "  hidden: [8, {units: 4, activation: relu, learning_rate_scale: 0.5}]\n");
        assertThat(c.model().hidden()).containsExactly(
                new LayerConfig(8, Activation.TANH, 0.1, Init.AUTO, false, 1.0),
                new LayerConfig(4, Activation.RELU, 0.1, Init.AUTO, false, 0.5));
        assertThat(c.get("model.hidden")).isEqualTo(List.of(8L, Map.of("units", 4L, "activation", "relu",
                "learning_rate_scale", 0.5)));
        assertThatThrownBy(() -> bind("data: {path: d.csv, target: y}\nmodel:\n  hidden: [8, {unit: 4}]\n"))
                .hasMessageContaining("units is required");
        assertThatThrownBy(() -> bind("data: {path: d.csv, target: y}\nmodel:\n  hidden: [0]\n"))
                .hasMessageContaining("model.hidden[0] = 0 is out of range");
    }

    @Test
    void scheduleMayBeANameAndSectionsMayBePartial() {
        RunConfig c = bind("data: {path: d.csv, target: y}\ntraining:\n  schedule: cosine\n  early_stopping:\n    patience: 5\n"
                + "  then: {optimizer: lbfgs, epochs: 3}\n");
        assertThat(c.training().schedule().type()).isEqualTo(ScheduleType.COSINE);
        assertThat(c.training().earlyStopping()).isEqualTo(new EarlyStoppingConfig(5, 0.0, true));
        assertThat(c.training().then()).isEqualTo(new PhaseConfig(Optimizer.LBFGS, 3, 1.0));
        assertThat(c.training().totalEpochs()).isEqualTo(103);
    }

    @Test
    void overridesReplaceNestedKeysAndAreValidated() {
        ConfigNode root = YamlSource.parse("data: {path: d.csv, target: y}\n", "run.yaml", BASE);
        RunConfig c = ConfigBinder.bind(ConfigOverrides.apply(root,
                List.of("training.learning_rate=0.05", "model.hidden=[16, 8]", "data.split.shuffle=false"), Path.of("/w")));
        assertThat(c.training().learningRate()).isEqualTo(0.05);
        assertThat(c.model().hidden()).extracting(LayerConfig::units).containsExactly(16, 8);
        assertThat(c.data().split().shuffle()).isFalse();
        assertThatThrownBy(() -> ConfigBinder.bind(ConfigOverrides.apply(root, List.of("training.batch_size=0"), BASE)))
                .hasMessageStartingWith("--set training.batch_size=0: training.batch_size = 0 is out of range");
        assertThatThrownBy(() -> ConfigOverrides.apply(root, List.of("nonsense"), BASE)).hasMessageContaining("expected key=value");
    }

    @Test
    void resolvedTreeBindsToAnEqualConfigAndWithChangesOneKey() {
        RunConfig c = bind("data: {path: d.csv, target: y}\nmodel: {hidden: [4], init: he_normal}\ntraining: {schedule: step}\n");
        RunConfig again = ConfigBinder.bind(ConfigNode.fromJava(c.tree(), ConfigNode.Origin.of("tree", null)));
        assertThat(again.tree()).isEqualTo(c.tree());
        assertThat(again.model()).isEqualTo(c.model());
        RunConfig lower = c.with("training.learning_rate", 0.0001);
        assertThat(lower.training().learningRate()).isEqualTo(0.0001);
        assertThat(c.training().learningRate()).isEqualTo(0.001);
        assertThatThrownBy(() -> c.with("training.momentum", 2.0)).hasMessageContaining("training.momentum = 2.0 is out of range");
        assertThat(c.toYaml()).contains("learning_rate: 0.001").contains("hidden:");
    }

    @Test
    void heldOutSharesMustLeaveTrainingRows() {
        assertThatThrownBy(() -> bind("data:\n  path: d.csv\n  target: y\n  split: {validation: 0.5, test: 0.49}\n"))
                .hasMessageContaining("leaves almost no rows for training");
    }
}
