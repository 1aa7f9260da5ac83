package dev.triage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code training.class_weights}: none | balanced | {class: weight}, validated like every other key. */
class ClassWeightsConfigTest {
    private static RunConfig bind(String training) {
        return ConfigBinderTest.bind("data: {path: d.csv, target: y}\ntraining:\n" + training);
    }

    @Test
    void defaultsToNoneAndRoundTripsThroughRunYaml() {
        RunConfig c = ConfigBinderTest.bind("data: {path: d.csv, target: y}\n");
        assertThat(c.training().classWeights().enabled()).isFalse();
        assertThat(((Map<?, ?>) c.tree().get("training")).get("class_weights")).isEqualTo("none");
        RunConfig balanced = bind("  class_weights: balanced\n");
        assertThat(balanced.training().classWeights().mode()).isEqualTo(ClassWeights.Mode.BALANCED);
        RunConfig explicit = bind("  class_weights: {0: 1, 1: 5.5}\n");
        assertThat(explicit.training().classWeights().weights()).containsExactly(Map.entry("0", 1.0), Map.entry("1", 5.5));
        assertThat(explicit.with("training.epochs", 10L).training().classWeights().weights()).as("survives re-validation")
                .containsExactly(Map.entry("0", 1.0), Map.entry("1", 5.5));
    }

    @Test
    void badValuesNameTheFileLineAndKey() {
        assertThatThrownBy(() -> bind("  class_weights: balance\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("run.yaml:3: training.class_weights = 'balance' is not one of none | balanced | a map")
                .hasMessageContaining("did you mean 'balanced'?");
        assertThatThrownBy(() -> bind("  class_weights:\n    benign: 1\n    malignant: -2\n"))
                .hasMessageStartingWith("run.yaml:5: training.class_weights.malignant = -2").hasMessageContaining("must be a weight > 0");
        assertThatThrownBy(() -> bind("  class_weights: {a: many}\n")).hasMessageContaining("training.class_weights.a");
    }

    @Test
    void weightsResolveAgainstTheClassesOfTheData() {
        ClassWeights balanced = bind("  class_weights: balanced\n").training().classWeights();
        assertThat(balanced.resolve(List.of("a", "b"), new long[] {90, 10})).containsExactly(100 / 180.0, 100 / 20.0);
        ClassWeights explicit = bind("  class_weights: {b: 4}\n").training().classWeights();
        assertThat(explicit.resolve(List.of("a", "b"), new long[] {90, 10})).containsExactly(1, 4);
        ClassWeights typo = bind("  class_weights: {malignat: 4}\n").training().classWeights();
        assertThatThrownBy(() -> typo.resolve(List.of("benign", "malignant"), new long[] {90, 10}))
                .hasMessageStartingWith("run.yaml:3").hasMessageContaining("names class 'malignat'")
                .hasMessageContaining("did you mean 'malignant'?");
        assertThat(ClassWeights.NONE.resolve(List.of("a", "b"), new long[] {1, 1})).isNull();
    }
}
