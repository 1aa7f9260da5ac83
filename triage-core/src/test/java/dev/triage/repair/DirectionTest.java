package dev.triage.repair;

import static dev.triage.repair.VerdictTest.finding;
import static dev.triage.repair.VerdictTest.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import org.junit.jupiter.api.Test;

/** Remedies that point against the run's evidence are not tried. */
class DirectionTest {
    @Test
    void noHigherRateWhileAnyFindingSaysTheStepsAreTooLarge() {
        for (String code : new String[] {"TRAIN_LOSS_DIVERGING", "TRAIN_LOSS_OSCILLATING", "TRAIN_NAN_LOSS",
            "TRAIN_EXPLODING_GRADIENTS", "TRAIN_OVERFITTING"}) {
            assertThat(Direction.against(Remedy.RAISE_LEARNING_RATE, trial(1, finding(code, Severity.WARNING, null)))).as(code)
                    .isTrue();
            assertThat(Direction.against(Remedy.RAISE_LEARNING_RATE, trial(1, finding(code, Severity.INFO, null))))
                    .as(code + " as information").isFalse();
        }
        assertThat(Direction.against(Remedy.RAISE_LEARNING_RATE, trial(1, finding("CONFIG_LEARNING_RATE", Severity.ERROR, null,
                Remedy.LOWER_LEARNING_RATE)))).as("a finding whose first remedy is a lower rate").isTrue();
        assertThat(Direction.against(Remedy.RAISE_LEARNING_RATE, trial(1, finding("TRAIN_DEAD_RELU", Severity.ERROR, null,
                Remedy.USE_LEAKY_RELU, Remedy.LOWER_LEARNING_RATE)))).as("a lower rate only second").isFalse();
        assertThat(Direction.against(Remedy.RAISE_LEARNING_RATE, trial(1))).isFalse();
    }

    @Test
    void noLowerRateWhenTheUpdatesAreTooSmallAndNothingTooLarge() {
        var small = finding("TRAIN_UPDATE_RATIO", Severity.WARNING, "layer 1", Remedy.RAISE_LEARNING_RATE);
        assertThat(Direction.against(Remedy.LOWER_LEARNING_RATE, trial(1, small))).isTrue();
        assertThat(Direction.against(Remedy.LOWER_LEARNING_RATE, trial(1, small, finding("TRAIN_NAN_LOSS", Severity.ERROR, null))))
                .as("a NaN outweighs it").isFalse();
        assertThat(Direction.against(Remedy.LOWER_LEARNING_RATE, trial(1, finding("TRAIN_UPDATE_RATIO", Severity.INFO, "l",
                Remedy.RAISE_LEARNING_RATE)))).isFalse();
        assertThat(Direction.against(Remedy.LOWER_LEARNING_RATE, trial(1, finding("TRAIN_LOSS_PLATEAU", Severity.WARNING, null,
                Remedy.RAISE_LEARNING_RATE)))).as("only the update ratio says so").isFalse();
        assertThat(Direction.against(Remedy.LOWER_LEARNING_RATE, trial(1, finding("TRAIN_UPDATE_RATIO", Severity.WARNING, "l",
                Remedy.LOWER_LEARNING_RATE)))).as("updates too large").isFalse();
        assertThat(Direction.against(Remedy.LOWER_LEARNING_RATE, trial(1, finding("TRAIN_UPDATE_RATIO", Severity.WARNING, "l"))))
                .isFalse();
    }

    @Test
    void noLargerNetworkForARunThatMemorizes() {
        assertThat(Direction.against(Remedy.INCREASE_CAPACITY, trial(1, finding("TRAIN_OVERFITTING", Severity.WARNING, null))))
                .isTrue();
        assertThat(Direction.against(Remedy.INCREASE_CAPACITY, trial(1, finding("DATA_TOO_SMALL", Severity.WARNING, null))))
                .isTrue();
        assertThat(Direction.against(Remedy.INCREASE_CAPACITY, trial(1, finding("DATA_TOO_SMALL", Severity.INFO, null)))).isFalse();
        assertThat(Direction.against(Remedy.INCREASE_CAPACITY, trial(1, finding("TRAIN_UNDERFITTING", Severity.ERROR, null))))
                .isFalse();
        assertThat(Direction.against(Remedy.USE_ADAM, trial(1, finding("TRAIN_OVERFITTING", Severity.ERROR, null,
                Remedy.LOWER_LEARNING_RATE)))).as("other remedies have no direction").isFalse();
    }
}
