package dev.triage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.TestData;
import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.DataProfiler;
import dev.triage.probe.SetupFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.repair.RemedyChange;
import dev.triage.repair.RemedyContext;
import dev.triage.repair.RemedyPreview;
import dev.triage.repair.Remedies;
import dev.triage.train.ConfigResolution;
import dev.triage.train.ModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every remedy shown as a change is exactly the change the repair would make: the printed
 * {@code --set} arguments, applied by the ordinary config loader to the run's configuration, give the
 * configuration {@link Remedies#apply} gives. Remedies no setting expresses say what to do instead.
 */
class RemedyChangesTest {
    private static final List<List<String>> CONFIGS = List.of(
            List.of(),
            List.of("model.output_activation=sigmoid", "training.learning_rate=3", "training.optimizer=sgd"),
            List.of("model.hidden=[{units: 16, activation: relu, dropout: 0.6, init: xavier_normal, batch_norm: false}, 8]",
                    "training.l2=0.5", "training.weight_decay=0.3", "model.dropout=0.6", "data.preprocess.scale=none",
                    "data.split.shuffle=false", "training.epochs=20"),
            List.of("training.optimizer=momentum", "training.learning_rate=1e-7", "training.batch_size=32",
                    "training.early_stopping={patience: 5}", "training.schedule={type: step}", "data.preprocess.impute=mean",
                    "data.preprocess.scale=robust", "model.init=he_normal", "model.batch_norm=true", "training.dtype=float64"),
            List.of("data.preprocess.scale_target=none", "training.batch_size=2000"),
            List.of("data.path=" + TestData.dataset("digits_8x8.csv"), "data.target=digit", "data.task=classification"));

    @TempDir
    Path dir;

    @Test
    void theSetArgumentsReproduceEveryRemedyExactly() throws Exception {
        Set<Remedy> shownAsChange = EnumSet.noneOf(Remedy.class);
        for (List<String> sets : CONFIGS) {
            RunConfig resolved = resolved(sets);
            RunLog log = log(resolved);
            Path file = Files.createTempFile(dir, "run", ".yaml");
            Files.writeString(file, resolved.toYaml());
            for (Remedy r : Remedy.values()) {
                RemedyContext context = new RemedyContext(resolved, finding(r), log);
                RemedyChange change = RemedyPreview.of(r, context);
                Optional<RunConfig> applied = Remedies.apply(r, context);
                if (!change.isChange()) {
                    assertThat(change.action()).as(r + " says what to do").isNotBlank();
                    assertThat(applied.map(RunConfig::tree)).as(r + " makes no change").isIn(Optional.empty(), Optional.of(resolved.tree()));
                    continue;
                }
                shownAsChange.add(r);
                List<String> args = unquoted(SetArguments.arguments(change.changes()));
                RunConfig viaCommandLine = RunConfig.load(file, args, dir);
                assertSame(RemedyPreview.flatten(viaCommandLine.tree()), RemedyPreview.flatten(applied.orElseThrow().tree()),
                        r + " " + args);
                assertThat(change.before().keySet()).isEqualTo(change.changes().keySet());
            }
        }
        Set<Remedy> automatic = EnumSet.noneOf(Remedy.class);
        for (Remedy r : Remedy.values()) {
            if (Remedies.automatic(r)) {
                automatic.add(r);
            }
        }
        assertThat(shownAsChange).as("every automatic remedy shown as a change at least once").isEqualTo(automatic);
    }

    @Test
    void valuesAreYamlAndShellWordsAreQuotedOnlyWhenNeeded() {
        assertThat(SetArguments.arguments(Map.of("training.learning_rate", 0.30000000000000004))).containsExactly("training.learning_rate=0.3");
        assertThat(SetArguments.arguments(Map.of("model.hidden", List.of(64L, 32L)))).containsExactly("model.hidden=[64,32]");
        assertThat(SetArguments.arguments(Map.of("model.hidden", List.of(Map.of("units", 8L))))).containsExactly("'model.hidden=[{units: 8}]'");
        assertThat(SetArguments.arguments(Map.of("data.missing", List.of("", "NA", "it's")))).containsExactly(
                "'data.missing=[\"\",NA,\"it'\\''s\"]'");
        assertThat(SetArguments.yaml(1.0)).isEqualTo("1.0");
        assertThat(SetArguments.yaml(null)).isEqualTo("null");
        assertThat(SetArguments.yaml("yes")).isEqualTo("\"yes\"");
    }

    private static void assertSame(Map<String, Object> actual, Map<String, Object> expected, String what) {
        assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> {
            Object a = actual.get(k);
            if (v instanceof Double d && a instanceof Number n) {
                assertThat(n.doubleValue()).as(what + ": " + k).isCloseTo(d, org.assertj.core.data.Percentage.withPercentage(1e-4));
            } else {
                assertThat(a).as(what + ": " + k).isEqualTo(v);
            }
        });
    }

    /** What a POSIX shell hands the program for each word. */
    private static List<String> unquoted(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.startsWith("'") ? w.substring(1, w.length() - 1).replace("'\\''", "'") : w);
        }
        return out;
    }

    private static Finding finding(Remedy r) {
        return new Finding("X", "x", Severity.ERROR, Phase.TRAINING, 1, 1L, Subject.column("alcohol"), "m",
                Evidence.of("sentinel", 999).and("update_ratio", 1e-6), List.of(r), null);
    }

    private static RunConfig resolved(List<String> sets) {
        List<String> all = new ArrayList<>(List.of("data.path=" + TestData.dataset("wine_quality_red.csv"), "data.target=quality"));
        all.addAll(sets);
        RunConfig cfg = RunConfig.load(null, all, Path.of("").toAbsolutePath());
        return ConfigResolution.resolve(cfg, DataPreparation.prepare(cfg.data()).target());
    }

    private static RunLog log(RunConfig resolved) {
        PreparedData data = DataPreparation.prepare(resolved.data());
        RunLog log = new RunLog();
        log.setSetup(SetupFacts.of(resolved, ModelBuilder.network(resolved, data.target(), data.preprocessor().width()), data,
                Runtime.getRuntime().maxMemory()));
        log.setData(DataProfiler.profile(data));
        return log;
    }
}
