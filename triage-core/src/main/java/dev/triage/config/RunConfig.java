package dev.triage.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete, validated run configuration. {@link #tree()} is the resolved document (every default
 * filled in, paths absolute) in the key order of the spec; it is what run folders and reports store,
 * and binding it again gives an equal configuration. It is immutable: the tree is a deep unmodifiable
 * copy (the repair loop uses it as a hash key), and changes make a new configuration ({@link #withAll}).
 */
public record RunConfig(DataConfig data, ModelConfig model, TrainingConfig training, DoctorConfig doctor,
                        OutputConfig output, Map<String, Object> tree, String source) {
    public RunConfig {
        tree = FrozenTree.of(tree);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    /** Reads and validates a config file. */
    public static RunConfig load(Path file) {
        return ConfigBinder.bind(YamlSource.read(file, file.toString()));
    }

    /** Reads a config file, applies {@code --set key=value} overrides, and validates the result. */
    public static RunConfig load(Path file, List<String> overrides, Path workingDir) {
        ConfigNode root = file == null
                ? ConfigNode.map(Map.of(), ConfigNode.Origin.of("command line", workingDir))
                : YamlSource.read(file, file.toString());
        return ConfigBinder.bind(ConfigOverrides.apply(root, overrides, workingDir));
    }

    /** A new configuration with one dotted key changed ({@code training.learning_rate}), re-validated. */
    public RunConfig with(String dottedKey, Object value) {
        return withAll(java.util.Collections.singletonMap(dottedKey, value)); // the value may be null
    }

    /** A new configuration with a typed change applied, re-validated. */
    public RunConfig with(ConfigChange change) {
        return withAll(change.asDocument());
    }

    /** A new configuration with several dotted keys changed at once, re-validated. */
    public RunConfig withAll(Map<String, ?> changes) {
        Map<String, Object> copy = deepCopy(tree);
        changes.forEach((k, v) -> ConfigOverrides.setPath(copy, k, v));
        ConfigNode root = ConfigNode.fromJava(copy, ConfigNode.Origin.of(source + " (changed)", null));
        return ConfigBinder.bind(root);
    }

    /** The value at a dotted key of the resolved document (null when absent). */
    public Object get(String dottedKey) {
        Object cur = tree;
        for (String part : dottedKey.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }

    /** The resolved document as YAML text (for {@code run.yaml} in a run folder). */
    public String toYaml() {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration as YAML", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copyValue(x)));
            return out;
        }
        return v;
    }
}
