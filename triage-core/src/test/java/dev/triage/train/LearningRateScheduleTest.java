package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.ScheduleConfig;
import dev.triage.config.ScheduleType;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static LearningRateSchedule of(ScheduleType t, double min) {
        return new LearningRateSchedule(new ScheduleConfig(t, 2, 0.5, 2, 2, min), 0.1, 10);
    }

    @Test
    void closedFormSchedules() {
        assertThat(of(ScheduleType.CONSTANT, 0).rate(7)).isEqualTo(0.1);
        LearningRateSchedule step = of(ScheduleType.STEP, 0);
        assertThat(new double[] {step.rate(1), step.rate(2), step.rate(3), step.rate(5)}).containsExactly(0.1, 0.1, 0.05, 0.025);
        assertThat(of(ScheduleType.EXPONENTIAL, 0).rate(3)).isCloseTo(0.025, within(1e-15));
        LearningRateSchedule cos = of(ScheduleType.COSINE, 0);
        assertThat(cos.rate(1)).isEqualTo(0.1);
        assertThat(cos.rate(6)).isCloseTo(0.05, within(1e-15));
        LearningRateSchedule warm = of(ScheduleType.WARMUP_COSINE, 0);
        assertThat(new double[] {warm.rate(1), warm.rate(2), warm.rate(3)}).containsExactly(0.05, 0.1, 0.1);
        assertThat(of(ScheduleType.EXPONENTIAL, 0.04).rate(5)).as("floored at min_learning_rate").isEqualTo(0.04);
    }

    @Test
    void reduceOnPlateauHalvesAfterPatienceEpochsWithoutImprovement() {
        LearningRateSchedule s = of(ScheduleType.REDUCE_ON_PLATEAU, 0);
        s.observe(1.0);
        s.observe(1.0);
        assertThat(s.rate(3)).isEqualTo(0.1);
        s.observe(0.99995);
        assertThat(s.rate(4)).as("an improvement below 1e-4 relative does not count").isEqualTo(0.05);
        s.observe(0.5);
        s.observe(0.6);
        assertThat(s.rate(6)).isEqualTo(0.05);
        LearningRateSchedule copy = of(ScheduleType.REDUCE_ON_PLATEAU, 0);
        copy.restore(s.state());
        assertThat(copy.rate(6)).isEqualTo(0.05);
    }

    @Test
    void earlyStoppingCountsEpochsWithoutImprovementBeyondMinDelta() {
        EarlyStopping es = new EarlyStopping(new dev.triage.config.EarlyStoppingConfig(2, 0.01, true));
        assertThat(es.observe(1.0)).isFalse();
        assertThat(es.observe(0.995)).isFalse();
        assertThat(es.observe(0.999)).isTrue();
        EarlyStopping nan = new EarlyStopping(new dev.triage.config.EarlyStoppingConfig(1, 0, true));
        assertThat(nan.observe(Double.NaN)).isTrue();
    }
}
