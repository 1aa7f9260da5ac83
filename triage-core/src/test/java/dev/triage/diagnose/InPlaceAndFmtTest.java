package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Imputation;
import dev.triage.config.Init;
import dev.triage.config.Optimizer;
import dev.triage.config.ScheduleConfig;
import dev.triage.config.ScheduleType;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which remedies a run already has (so no finding proposes them), and how numbers read in messages. */
class InPlaceAndFmtTest {
    /** Whether {@code r} is in place on the default scripted run after {@code change}. */
    private static boolean inPlace(Remedy r, Consumer<Logs.Setup> change) {
        Logs.Setup s = new Logs.Setup();
        change.accept(s);
        return InPlace.inPlace(r, s.build());
    }

    @Test
    void eachRemedyIsInPlaceExactlyWhenTheRunAlreadyDoesIt() {
        assertThat(inPlace(Remedy.USE_ADAM, s -> { })).isTrue();
        assertThat(inPlace(Remedy.USE_ADAM, s -> s.optimizer = Optimizer.ADAMW)).isTrue();
        assertThat(inPlace(Remedy.USE_ADAM, s -> s.optimizer = Optimizer.RMSPROP)).isFalse();
        assertThat(inPlace(Remedy.EARLY_STOPPING, s -> s.restoreBest = true)).isTrue();
        assertThat(inPlace(Remedy.EARLY_STOPPING, s -> { })).isFalse();
        assertThat(inPlace(Remedy.USE_HE_INIT, s -> { })).as("He uniform, zero biases").isTrue();
        assertThat(inPlace(Remedy.USE_HE_INIT, s -> s.layers = Logs.withBias(s.layers, 0.1))).isFalse();
        assertThat(inPlace(Remedy.USE_XAVIER_INIT, s -> { })).isFalse();
        assertThat(inPlace(Remedy.USE_XAVIER_INIT, s -> s.layers = Logs.layers(Activation.TANH, Init.XAVIER_NORMAL, 1, 0, 8))).isTrue();
        assertThat(inPlace(Remedy.USE_XAVIER_INIT, s -> s.layers = Logs.withBias(Logs.layers(Activation.TANH, Init.XAVIER_NORMAL,
                1, 0, 8), -1))).isFalse();
        assertThat(inPlace(Remedy.SCALE_FEATURES, s -> s.scale = Scaling.MINMAX)).isTrue();
        assertThat(inPlace(Remedy.SCALE_FEATURES, s -> s.scale = Scaling.NONE)).isFalse();
        assertThat(inPlace(Remedy.ROBUST_SCALE_FEATURES, s -> { })).isFalse();
        assertThat(inPlace(Remedy.ROBUST_SCALE_FEATURES, s -> s.scale = Scaling.ROBUST)).isTrue();
        assertThat(inPlace(Remedy.SCALE_TARGET, s -> s.scaleTarget = TargetScaling.NONE)).isFalse();
        assertThat(inPlace(Remedy.SCALE_TARGET, s -> { })).isTrue();
        assertThat(inPlace(Remedy.SCALE_TARGET, s -> {
            s.scaleTarget = TargetScaling.NONE;
            s.task = Task.CLASSIFICATION;
        })).as("nothing to scale for classes").isTrue();
        assertThat(inPlace(Remedy.IMPUTE_MISSING, s -> { })).isFalse();
        assertThat(inPlace(Remedy.IMPUTE_MISSING, s -> s.impute = Imputation.MEDIAN)).isTrue();
    }

    @Test
    void layerAndTrainingRemediesInPlace() {
        assertThat(inPlace(Remedy.CLIP_GRADIENTS, s -> { })).isFalse();
        assertThat(inPlace(Remedy.ADD_BATCH_NORM, s -> { })).isFalse();
        assertThat(inPlace(Remedy.USE_LEAKY_RELU, s -> { })).isFalse();
        assertThat(inPlace(Remedy.USE_LEAKY_RELU, s -> s.layers = Logs.layers(Activation.LEAKY_RELU, Init.HE_UNIFORM, 1, 0, 8)))
                .isTrue();
        assertThat(inPlace(Remedy.REWEIGHT_CLASSES, s -> s.task = Task.CLASSIFICATION)).isFalse();
        assertThat(inPlace(Remedy.REWEIGHT_CLASSES, s -> {
            s.task = Task.CLASSIFICATION;
            s.classWeighted = true;
        })).isTrue();
        assertThat(inPlace(Remedy.REWEIGHT_CLASSES, s -> { })).as("regression").isTrue();
        assertThat(inPlace(Remedy.ADD_LR_SCHEDULE, s -> { })).isFalse();
        assertThat(inPlace(Remedy.ADD_LR_SCHEDULE, s -> s.schedule = null)).isFalse();
        assertThat(inPlace(Remedy.ADD_LR_SCHEDULE, s -> s.schedule = new ScheduleConfig(ScheduleType.STEP, 30, 0.1, 10, 5, 0)))
                .isTrue();
        assertThat(inPlace(Remedy.STRATIFY_SPLIT, s -> s.task = Task.CLASSIFICATION)).isTrue();
        assertThat(inPlace(Remedy.STRATIFY_SPLIT, s -> { })).isFalse();
        assertThat(inPlace(Remedy.SHUFFLE_SPLIT, s -> { })).isTrue();
        assertThat(inPlace(Remedy.SHUFFLE_SPLIT, s -> s.shuffled = false)).isFalse();
        assertThat(inPlace(Remedy.USE_FLOAT64, s -> { })).isFalse();
        assertThat(inPlace(Remedy.REDUCE_REGULARIZATION, s -> { })).isTrue();
        assertThat(inPlace(Remedy.REDUCE_REGULARIZATION, s -> s.l1 = 1e-5)).isFalse();
        assertThat(inPlace(Remedy.REDUCE_REGULARIZATION, s -> s.l2 = 1e-5)).isFalse();
        assertThat(inPlace(Remedy.REDUCE_REGULARIZATION, s -> s.weightDecay = 1e-5)).isFalse();
        assertThat(inPlace(Remedy.REDUCE_DROPOUT, s -> { })).isTrue();
        assertThat(inPlace(Remedy.REDUCE_DROPOUT, s -> s.layers = Logs.layers(Activation.RELU, Init.HE_UNIFORM, 1, 0.2, 8))).isFalse();
        assertThat(inPlace(Remedy.ADD_DROPOUT, s -> { })).isFalse();
        assertThat(inPlace(Remedy.ADD_DROPOUT, s -> s.layers = Logs.layers(Activation.RELU, Init.HE_UNIFORM, 1, 0.2, 8))).isTrue();
        assertThat(inPlace(Remedy.TRAIN_LONGER, s -> { })).as("no setting says it is done").isFalse();
    }

    @Test
    void notInPlaceKeepsTheOrderAndEverythingWithoutASetup() {
        List<Remedy> remedies = List.of(Remedy.SCALE_FEATURES, Remedy.USE_ADAM, Remedy.ROBUST_SCALE_FEATURES, Remedy.CLIP_GRADIENTS);
        assertThat(InPlace.notInPlace(remedies, new Logs.Setup().build())).containsExactly(Remedy.ROBUST_SCALE_FEATURES,
                Remedy.CLIP_GRADIENTS);
        assertThat(InPlace.notInPlace(remedies, null)).isEqualTo(remedies);
    }

    @Test
    void numbersWithThreeSignificantDigits() {
        assertThat(Fmt.num(Double.NaN)).isEqualTo("n/a");
        assertThat(Fmt.num(Double.POSITIVE_INFINITY)).isEqualTo("infinity");
        assertThat(Fmt.num(Double.NEGATIVE_INFINITY)).isEqualTo("-infinity");
        assertThat(Fmt.num(0)).isEqualTo("0");
        assertThat(Fmt.num(1e5)).isEqualTo("1.00e+05");
        assertThat(Fmt.num(99_999)).isEqualTo("99999");
        assertThat(Fmt.num(1e-3)).isEqualTo("0.001");
        assertThat(Fmt.num(9.99e-4)).isEqualTo("9.99e-04");
        assertThat(Fmt.num(-250)).isEqualTo("-250");
        assertThat(Fmt.num(100)).isEqualTo("100");
        assertThat(Fmt.num(12.34)).isEqualTo("12.3");
        assertThat(Fmt.num(10)).isEqualTo("10");
        assertThat(Fmt.num(1.5)).isEqualTo("1.5");
        assertThat(Fmt.num(1)).isEqualTo("1");
        assertThat(Fmt.num(0.12345)).isEqualTo("0.123");
        assertThat(Fmt.num(0.5)).isEqualTo("0.5");
    }

    @Test
    void fractionsAsPercentages() {
        assertThat(Fmt.pct(0.934)).isEqualTo("93%");
        assertThat(Fmt.pct(0.01)).isEqualTo("1%");
        assertThat(Fmt.pct(0.0099)).isEqualTo("1.0%");
        assertThat(Fmt.pct(0.005)).isEqualTo("0.5%");
        assertThat(Fmt.pct(0)).isEqualTo("0%");
        assertThat(Fmt.pct(1)).isEqualTo("100%");
    }
}
