package dev.triage.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where two resolved configuration documents differ: dotted keys in document order, lists whole. */
class ConfigCompareTest {
    private static Map<String, Object> doc(double rate, List<Object> hidden, Object schedule) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("learning_rate", rate);
        training.put("schedule", schedule);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("hidden", hidden);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", model);
        d.put("training", training);
        return d;
    }

    @Test
    void everyDifferenceInDocumentOrderWithItsNewValue() {
        Map<String, Object> a = doc(0.01, List.of(64, 32), Map.of("type", "none"));
        Map<String, Object> b = doc(0.001, List.of(64, Map.of("units", 32, "dropout", 0.5)), null);
        Map<String, Object> diff = ConfigCompare.differences(a, b, Set.of());
        assertThat(diff.keySet()).containsExactly("model.hidden", "training.learning_rate", "training.schedule");
        assertThat(diff.get("training.learning_rate")).isEqualTo(0.001);
        assertThat(diff).containsEntry("training.schedule", null);
        assertThat(ConfigCompare.firstDifference(a, b, Set.of())).isEqualTo("model.hidden");
        assertThat(ConfigCompare.firstDifference(a, b, Set.of("model.hidden"))).isEqualTo("training.learning_rate");
        assertThat(ConfigCompare.differences(a, b, Set.of("training"))).containsOnlyKeys("model.hidden");
    }

    @Test
    void equalDocumentsAndListsWithEqualMapsHaveNoDifference() {
        Map<String, Object> a = doc(0.01, List.of(64, Map.of("units", 32, "dropout", 0.5)), Map.of("type", "step"));
        Map<String, Object> b = doc(0.01, List.of(64, new LinkedHashMap<>(Map.of("dropout", 0.5, "units", 32))),
                Map.of("type", "step"));
        assertThat(ConfigCompare.differences(a, b, Set.of())).isEmpty();
        assertThat(ConfigCompare.firstDifference(a, b, Set.of())).isNull();
        Map<String, Object> c = doc(0.01, List.of(64, Map.of("units", 32, "dropout", 0.6)), Map.of("type", "step"));
        assertThat(ConfigCompare.firstDifference(a, c, Set.of())).as("a per-layer setting").isEqualTo("model.hidden");
        Map<String, Object> d = doc(0.01, List.of(64), Map.of("type", "step"));
        assertThat(ConfigCompare.firstDifference(a, d, Set.of())).as("a layer fewer").isEqualTo("model.hidden");
    }
}
