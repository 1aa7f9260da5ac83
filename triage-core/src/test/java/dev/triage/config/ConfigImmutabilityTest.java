package dev.triage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bound configuration cannot change: its tree is a hash key of the repair loop (a configuration
 * already run is not run again), so an edit after construction would corrupt that set. Every attempt to
 * change it fails, and nothing it was made from can reach into it.
 */
class ConfigImmutabilityTest {
    private static final String YAML = "data: {path: d.csv, target: y, drop_columns: [id]}\n"
            + "model: {hidden: [16, {units: 8, dropout: 0.5}]}\ndoctor: {disable: [init]}\n";

    private static RunConfig bind() {
        return ConfigBinder.bind(YamlSource.parse(YAML, "run.yaml", Path.of("/tmp")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTreeRefusesEveryChange() {
        RunConfig c = bind();
        Map<String, Object> training = (Map<String, Object>) c.tree().get("training");
        List<Object> hidden = (List<Object>) c.get("model.hidden");
        Map<String, Object> layer = (Map<String, Object>) hidden.get(1);
        assertThatThrownBy(() -> c.tree().put("extra", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> training.put("learning_rate", 0.5)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> hidden.add(4L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> layer.put("units", 2L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) c.get("data.drop_columns")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(c).isEqualTo(bind());
    }

    @Test
    void theTypedViewKeepsItsOwnLists() {
        RunConfig c = bind();
        List<String> drop = new ArrayList<>(List.of("id"));
        DataConfig d = c.data();
        DataConfig data = new DataConfig(d.path(), d.target(), d.task(), new ArrayList<>(List.of("a")), d.separator(),
                new ArrayList<>(d.missing()), d.testPath(), drop, d.split(), d.preprocess());
        drop.add("x");
        assertThat(data.dropColumns()).containsExactly("id");
        assertThatThrownBy(() -> data.dropColumns().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.missing().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.classes().clear()).isInstanceOf(UnsupportedOperationException.class);
        List<LayerConfig> layers = new ArrayList<>(c.model().hidden());
        ModelConfig m = c.model();
        ModelConfig model = new ModelConfig(layers, m.activation(), m.leakyReluSlope(), m.outputActivation(), m.loss(), m.init(),
                m.initScale(), m.biasInit(), m.dropout(), m.batchNorm());
        layers.clear();
        assertThat(model.hidden()).hasSize(2);
        List<String> disable = new ArrayList<>(List.of("init"));
        DoctorConfig doctor = new DoctorConfig(true, false, 5, disable, 1);
        disable.clear();
        assertThat(doctor.disable()).containsExactly("init");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatAConfigurationWasMadeFromCannotReachIntoIt() {
        RunConfig c = bind();
        Map<String, Object> tree = RunConfig.deepCopy(c.tree());
        RunConfig copy = new RunConfig(c.data(), c.model(), c.training(), c.doctor(), c.output(), tree, c.source());
        int hash = copy.hashCode();
        ((Map<String, Object>) tree.get("training")).put("learning_rate", 0.5);
        ((List<Object>) ((Map<String, Object>) tree.get("model")).get("hidden")).add(4L);
        assertThat(copy.hashCode()).isEqualTo(hash);
        assertThat(copy.tree()).isEqualTo(c.tree());

        List<String> drop = new ArrayList<>(List.of("id"));
        Map<String, Object> changes = new LinkedHashMap<>(Map.of("data.drop_columns", drop));
        RunConfig changed = c.withAll(changes);
        drop.add("y2");
        changes.put("training.epochs", 3L);
        assertThat(changed.data().dropColumns()).containsExactly("id");
        assertThat(changed.get("data.drop_columns")).isEqualTo(List.of("id"));
        assertThat(changed.training().epochs()).isEqualTo(100);
    }

    @Test
    void nodesAreImmutableAndHoldOnlyValues() {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        ConfigNode.Origin o = ConfigNode.Origin.of("t", null);
        entries.put("a", ConfigNode.scalar(1L, o));
        ConfigNode map = ConfigNode.map(entries, o);
        entries.put("b", ConfigNode.scalar(2L, o));
        assertThat(map.entries()).containsOnlyKeys("a");
        assertThatThrownBy(() -> map.entries().put("c", null)).isInstanceOf(UnsupportedOperationException.class);
        List<ConfigNode> items = new ArrayList<>(List.of(ConfigNode.scalar("x", o)));
        ConfigNode list = ConfigNode.list(items, o);
        items.clear();
        assertThat(list.items()).hasSize(1);
        assertThatThrownBy(() -> list.items().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ConfigNode.scalar(3, o).value()).isEqualTo(3L);
        assertThatThrownBy(() -> ConfigNode.scalar(new ArrayList<>(), o)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigNode.scalar(new StringBuilder("x"), o)).isInstanceOf(IllegalArgumentException.class);
    }
}
