package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The causal table: which finding explains which, and the order root causes first. */
class CausesTest {
    private static Finding f(String code, Severity s, Phase p, Long step, Evidence e) {
        return new Finding(code, "r", s, p, step == null ? null : 1, step, null, code, e, List.of());
    }

    private static Finding f(String code, Severity s, Phase p, Long step) {
        return f(code, s, p, step, Evidence.empty());
    }

    @Test
    void unscaledInputsExplainTheirSymptomsAndComeFirst() {
        Finding exploding = f("TRAIN_EXPLODING_GRADIENTS", Severity.ERROR, Phase.TRAINING, 1L);
        Finding outliers = f("DATA_OUTLIERS", Severity.WARNING, Phase.DATA, null);
        Finding unscaled = f("DATA_UNSCALED", Severity.ERROR, Phase.DATA, null);
        Finding under = f("TRAIN_UNDERFITTING", Severity.ERROR, Phase.EVALUATION, null);
        // whatever the ranking put first, a root comes before the findings it explains
        List<Finding> rootFirst = Causes.link(List.of(exploding, under, unscaled, outliers));
        assertThat(rootFirst).extracting(Finding::code).containsExactly("DATA_UNSCALED", "TRAIN_EXPLODING_GRADIENTS",
                "TRAIN_UNDERFITTING", "DATA_OUTLIERS");
        assertThat(rootFirst.get(1).causedBy()).isEqualTo("DATA_UNSCALED@");
        assertThat(rootFirst.get(2).causedBy()).isEqualTo("DATA_UNSCALED@");
        assertThat(rootFirst.get(3).isRootCause()).isTrue();
    }

    private static Finding about(String code, Severity s, Subject subject) {
        return new Finding(code, "r", s, Phase.DATA, null, null, subject, code, Evidence.empty(), List.of(), null);
    }

    @Test
    void anIdentifierColumnExplainsItsUnseenValuesAndComesFirst() {
        Finding unseen = about("DATA_UNSEEN_CATEGORY", Severity.WARNING, new Subject.Column("customer_id", "validation"));
        Finding otherUnseen = about("DATA_UNSEEN_CATEGORY", Severity.WARNING, new Subject.Column("city", "validation"));
        Finding outliers = about("DATA_OUTLIERS", Severity.WARNING, Subject.column("income"));
        Finding identifier = about("DATA_HIGH_CARDINALITY", Severity.WARNING, Subject.column("customer_id"));
        List<Finding> linked = Causes.link(List.of(unseen, outliers, otherUnseen, identifier));
        assertThat(linked).extracting(Finding::identity).startsWith("DATA_HIGH_CARDINALITY@customer_id",
                unseen.identity());
        assertThat(linked.get(1).causedBy()).isEqualTo("DATA_HIGH_CARDINALITY@customer_id");
        assertThat(linked).filteredOn(f -> f.identity().equals(otherUnseen.identity())).singleElement()
                .as("another column's unseen values").satisfies(f -> assertThat(f.isRootCause()).isTrue());
        Finding infoIdentifier = about("DATA_HIGH_CARDINALITY", Severity.INFO, Subject.column("customer_id"));
        assertThat(Causes.explains(infoIdentifier, unseen)).isFalse();
        assertThat(Causes.explains(unseen, identifier)).isFalse();
    }

    @Test
    void aRateTooHighExplainsInstabilityAndATooLowRateExplainsSlowness() {
        Evidence high = Evidence.of("effective_rate", 1.0).and("usual_high", 0.3);
        Evidence low = Evidence.of("effective_rate", 1e-7).and("usual_high", 0.3);
        Finding diverging = f("TRAIN_LOSS_DIVERGING", Severity.ERROR, Phase.TRAINING, 40L);
        Finding plateau = f("TRAIN_LOSS_PLATEAU", Severity.WARNING, Phase.TRAINING, 400L);
        assertThat(Causes.explains(f("CONFIG_LEARNING_RATE", Severity.ERROR, Phase.CONFIG, null, high), diverging)).isTrue();
        assertThat(Causes.explains(f("CONFIG_LEARNING_RATE", Severity.ERROR, Phase.CONFIG, null, high), f(
                "TRAIN_STILL_IMPROVING", Severity.WARNING, Phase.TRAINING, 9L))).isFalse();
        assertThat(Causes.explains(f("CONFIG_LEARNING_RATE", Severity.ERROR, Phase.CONFIG, null, low), plateau)).isTrue();
        assertThat(Causes.explains(f("CONFIG_LEARNING_RATE", Severity.ERROR, Phase.CONFIG, null, low), diverging)).isFalse();
    }

    @Test
    void aCauseMustComeFirstAndInfoExplainsNothing() {
        Finding early = f("TRAIN_EXPLODING_GRADIENTS", Severity.ERROR, Phase.TRAINING, 5L);
        Finding late = f("TRAIN_EXPLODING_GRADIENTS", Severity.ERROR, Phase.TRAINING, 50L);
        Finding nan = f("TRAIN_NAN_LOSS", Severity.ERROR, Phase.TRAINING, 20L);
        assertThat(Causes.explains(early, nan)).isTrue();
        assertThat(Causes.explains(late, nan)).isFalse();
        assertThat(Causes.explains(f("DATA_UNSCALED", Severity.INFO, Phase.DATA, null), nan)).isFalse();
        assertThat(Causes.explains(nan, f("DATA_UNSCALED", Severity.ERROR, Phase.DATA, null))).isFalse();
    }

    @Test
    void chainsLinkToTheMostFundamentalCause() {
        Finding init = f("CONFIG_INIT", Severity.ERROR, Phase.CONFIG, null);
        Finding dead = f("TRAIN_DEAD_RELU", Severity.ERROR, Phase.TRAINING, 3L);
        Finding constant = f("TRAIN_PREDICTS_CONSTANT", Severity.ERROR, Phase.TRAINING, 30L);
        List<Finding> linked = Causes.link(List.of(dead, constant, init));
        assertThat(linked).extracting(Finding::code).containsExactly("CONFIG_INIT", "TRAIN_DEAD_RELU", "TRAIN_PREDICTS_CONSTANT");
        assertThat(linked).filteredOn(x -> !x.isRootCause()).allMatch(x -> x.causedBy().equals("CONFIG_INIT@"));
    }
}
