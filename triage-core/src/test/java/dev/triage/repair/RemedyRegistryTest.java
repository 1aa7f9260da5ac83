package dev.triage.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.ConfigBinder;
import dev.triage.config.RunConfig;
import dev.triage.config.YamlSource;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every remedy code has exactly one registered action; the registry's answers follow the actions'. */
class RemedyRegistryTest {
    private static final RemedyContext PLAIN = new RemedyContext(ConfigBinder.bind(YamlSource.parse(
            "data: {path: d.csv, target: y}\n", "run.yaml", Path.of("/tmp"))), new Finding("X", "x", Severity.ERROR,
            Phase.CONFIG, null, null, (String) null, "m", Evidence.empty(), List.of()), null);

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void everyCodeHasItsOwnActionWithWords(Remedy r) {
        assertThat(Remedies.of(r).remedy()).isEqualTo(r);
        assertThat(Remedies.describe(r)).isNotBlank();
    }

    @Test
    void eachCodeIsRegisteredOnce() {
        List<Remedy> codes = Remedies.ALL.stream().map(RemedyAction::remedy).toList();
        assertThat(codes).doesNotHaveDuplicates().containsExactlyInAnyOrder(Remedy.values());
    }

    @Test
    void onlyLabelsAndTensorShapesAreLeftToAPerson() {
        Set<Remedy> byHand = EnumSet.allOf(Remedy.class).stream().filter(r -> !Remedies.automatic(r))
                .collect(Collectors.toSet());
        assertThat(byHand).containsExactlyInAnyOrder(Remedy.CHECK_LABELS, Remedy.RESHAPE_TARGET);
        assertThat(Remedies.apply(Remedy.CHECK_LABELS, PLAIN)).isEmpty();
        assertThatThrownBy(() -> Remedies.of(Remedy.RESHAPE_TARGET).change(PLAIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyColumnAndSplitChangesChangeWhatIsMeasured() {
        Set<Remedy> measuring = EnumSet.allOf(Remedy.class).stream().filter(Remedies::changesTheMeasurement)
                .collect(Collectors.toSet());
        assertThat(measuring).containsExactlyInAnyOrder(Remedy.DROP_LEAKING_FEATURE, Remedy.DROP_COLUMN, Remedy.SHUFFLE_SPLIT,
                Remedy.STRATIFY_SPLIT);
    }

    /** A remedy that is in place, or does not apply, changes nothing even though it could compute a change. */
    @Test
    void whatIsInPlaceOrDoesNotApplyIsNotApplied() {
        RunConfig adam = PLAIN.config();
        assertThat(Remedies.of(Remedy.USE_ADAM).inPlace(PLAIN)).isTrue();
        assertThat(Remedies.change(Remedy.USE_ADAM, PLAIN)).isEmpty();
        assertThat(Remedies.of(Remedy.DROP_COLUMN).appliesTo(PLAIN)).as("a finding about no column").isFalse();
        assertThat(Remedies.apply(Remedy.DROP_COLUMN, PLAIN)).isEmpty();
        assertThat(Remedies.of(Remedy.SCALE_TARGET).appliesTo(PLAIN)).as("no run log: the task is unknown").isFalse();
        assertThat(Remedies.apply(Remedy.ADD_DROPOUT, PLAIN)).hasValueSatisfying(c -> {
            assertThat(c.model().dropout()).isEqualTo(0.2);
            assertThat(c).isNotEqualTo(adam);
        });
    }
}
