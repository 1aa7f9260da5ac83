package dev.triage.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.ConfigBinder;
import dev.triage.config.RunConfig;
import dev.triage.config.YamlSource;
import dev.triage.diagnose.Remedy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every remedy on a representative finding: the exact change of the resolved configuration (dotted key:
 * value after), a change that binds again to the same configuration, and nothing once it is in place.
 * The cases are in {@link RemedyCases}, one per remedy.
 */
class EveryRemedyTest {
    static RunConfig config(String data, String rest) {
        return ConfigBinder.bind(YamlSource.parse("data: {path: d.csv, target: y" + data + "}\n" + rest, "run.yaml",
                Path.of("/tmp")));
    }

    /** The leaves of a resolved document as dotted keys (lists are leaves; a null is an absent key). */
    static Map<String, Object> flat(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", tree, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> m, Map<String, Object> out) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sub) {
                flatten(prefix + k + ".", (Map<String, Object>) sub, out);
            } else if (v != null) {
                out.put(prefix + k, v);
            }
        });
    }

    /** The keys whose value differs, with the value after (null: removed). */
    static Map<String, Object> diff(RunConfig before, RunConfig after) {
        Map<String, Object> a = flat(before.tree());
        Map<String, Object> b = flat(after.tree());
        Map<String, Object> out = new LinkedHashMap<>();
        b.forEach((k, v) -> {
            if (!v.equals(a.get(k))) {
                out.put(k, v);
            }
        });
        a.keySet().stream().filter(k -> !b.containsKey(k)).forEach(k -> out.put(k, null));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void theExactChangeOfEachRemedy(Remedy r) {
        RemedyCases.Case c = RemedyCases.of(r);
        Optional<RunConfig> changed = Remedies.apply(r, c.context());
        if (c.change() == null) {
            assertThat(Remedies.automatic(r)).as("only the remedies a person must carry out change nothing").isFalse();
            assertThat(changed).isEmpty();
            return;
        }
        assertThat(Remedies.automatic(r)).isTrue();
        assertThat(changed).as(r.name()).isPresent();
        assertThat(diff(c.context().config(), changed.get())).as(r.name()).isEqualTo(c.change());
    }

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void aChangedConfigurationIsValidAndReadsBackTheSame(Remedy r) {
        RemedyCases.Case c = RemedyCases.of(r);
        Optional<RunConfig> changed = Remedies.apply(r, c.context());
        if (c.change() == null) {
            return;
        }
        RunConfig reread = ConfigBinder.bind(YamlSource.parse(changed.get().toYaml(), "run.yaml", Path.of("/tmp")));
        assertThat(reread.tree()).isEqualTo(changed.get().tree());
        assertThat(reread).usingRecursiveComparison().ignoringFields("source").ignoringFieldsMatchingRegexes(".*origin").isEqualTo(changed.get());
        assertThat(changed.get().tree()).isNotEqualTo(c.context().config().tree());
    }

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void nothingOnceTheRemedyIsInPlace(Remedy r) {
        RemedyCases.Case c = RemedyCases.of(r);
        RemedyContext inPlace = c.inPlace();
        assertThat(Remedies.apply(r, inPlace)).as(r.name() + " on " + inPlace.config().toYaml()).isEmpty();
    }

    /**
     * Remedies that set a value are done after one step; those that move a value by a step (rate, epochs,
     * size, penalty, dropout) take another, and the initializers are judged on the run's layers (a new run).
     */
    @ParameterizedTest
    @EnumSource(value = Remedy.class, names = {"LOWER_LEARNING_RATE", "RAISE_LEARNING_RATE", "TRAIN_LONGER",
        "REDUCE_CAPACITY", "INCREASE_CAPACITY", "CHANGE_BATCH_SIZE", "REDUCE_REGULARIZATION", "ADD_REGULARIZATION",
        "REDUCE_DROPOUT", "USE_HE_INIT", "USE_XAVIER_INIT"}, mode = EnumSource.Mode.EXCLUDE)
    void aRemedyAppliedTwiceChangesNothingMore(Remedy r) {
        RemedyCases.Case c = RemedyCases.of(r);
        Optional<RunConfig> once = Remedies.apply(r, c.context());
        if (once.isEmpty()) {
            return;
        }
        RemedyContext again = new RemedyContext(once.get(), c.context().finding(), c.context().log());
        assertThat(Remedies.apply(r, again)).as(r.name()).isEmpty();
    }
}
