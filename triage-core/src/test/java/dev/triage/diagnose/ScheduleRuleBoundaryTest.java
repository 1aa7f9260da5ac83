package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.ScheduleConfig;
import dev.triage.config.ScheduleType;
import dev.triage.diagnose.setup.ScheduleRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schedule rule's bounds, and each schedule's planned rate through the rule's evidence (a large
 * {@code tiny} makes cosine schedules cross it): base rate 1e-3.
 */
class ScheduleRuleBoundaryTest {
    private static List<Finding> check(ScheduleRule rule, int epochs, ScheduleType type, double gamma, double minRate) {
        Logs.Setup s = new Logs.Setup();
        s.epochs = epochs;
        s.schedule = new ScheduleConfig(type, 30, gamma, 10, 5, minRate);
        return rule.check(Logs.log(s));
    }

    @Test
    void halvingEveryEpochFallsBelowAQuarterAtEpochFour() {
        ScheduleRule quarter = new ScheduleRule(0.25, 0.1, 0.5);
        assertThat(check(quarter, 40, ScheduleType.EXPONENTIAL, 0.5, 0)).as("epoch 3 is at 0.25, not below").singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).as("4 of 40 is the first tenth").isEqualTo(Severity.ERROR);
                    assertThat(f.message()).isEqualTo("the exponential schedule brings the learning rate below 0.25 of its base"
                            + " 0.001 by epoch 4 of 40; the last 37 epochs barely move the weights");
                    assertThat(f.evidence().asMap()).containsExactly(Map.entry("epoch", 4.0), Map.entry("epochs", 40.0),
                            Map.entry("share_of_run", 0.1), Map.entry("final_factor", Math.pow(0.5, 39)), Map.entry("tiny", 0.25));
                });
        assertThat(check(quarter, 39, ScheduleType.EXPONENTIAL, 0.5, 0)).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(check(quarter, 8, ScheduleType.EXPONENTIAL, 0.5, 0)).as("half the run").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(check(quarter, 7, ScheduleType.EXPONENTIAL, 0.5, 0)).as("more than half").isEmpty();
        assertThat(check(quarter, 40, ScheduleType.EXPONENTIAL, 0.5, 0.5e-3)).as("a floor of half the base").isEmpty();
    }

    @Test
    void cosineFromTheBaseRateOrAFloorAsPlanned() {
        ScheduleRule half = new ScheduleRule(0.5, 0.1, 0.8);
        // (1 + cos(pi (e - 1) / 10)) / 2: 0.5 at epoch 6, 0.345 at epoch 7, 0.0245 at epoch 10
        assertThat(check(half, 10, ScheduleType.COSINE, 0.1, 0)).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("epoch")).isEqualTo(7);
            assertThat(f.evidence().get("final_factor")).isCloseTo(0.024471741852423234, within(1e-15));
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        // with a floor of a quarter: 0.25 + 0.75 (1 + cos) / 2 = 0.509 at epoch 7, 0.405 at epoch 8
        assertThat(check(half, 10, ScheduleType.COSINE, 0.1, 0.25e-3)).singleElement().satisfies(f -> {
            assertThat(f.evidence().get("epoch")).isEqualTo(8);
            assertThat(f.evidence().get("final_factor")).isCloseTo(0.26835380638931744, within(1e-15));
        });
    }

    @Test
    void warmUpCosineRisesOverFiveEpochsThenFallsOverTheRest() {
        // e / 5 for epochs 1-5 (0.2 at least), then a cosine over the last 5: 0.0955 at epoch 10
        assertThat(check(new ScheduleRule(0.1, 0.1, 1.0), 10, ScheduleType.WARMUP_COSINE, 0.1, 0)).singleElement()
                .satisfies(f -> {
                    assertThat(f.evidence().get("epoch")).isEqualTo(10);
                    assertThat(f.evidence().get("final_factor")).isCloseTo(0.09549150281252633, within(1e-15));
                });
        assertThat(check(new ScheduleRule(0.21, 0.1, 1.0), 10, ScheduleType.WARMUP_COSINE, 0.1, 0)).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("epoch")).as("the warm-up's first epoch, 0.2").isEqualTo(1));
        assertThat(check(new ScheduleRule(0.2, 0.1, 1.0), 10, ScheduleType.WARMUP_COSINE, 0.1, 0)).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("epoch")).isEqualTo(10));
    }

    @Test
    void noRateNoJudgment() {
        Logs.Setup s = new Logs.Setup();
        s.lr = 0;
        s.schedule = new ScheduleConfig(ScheduleType.EXPONENTIAL, 30, 0.1, 10, 5, 0);
        assertThat(new ScheduleRule().check(Logs.log(s))).isEmpty();
        s.lr = 1e-3;
        s.schedule = null;
        assertThat(new ScheduleRule().check(Logs.log(s))).as("another framework's run: no schedule known").isEmpty();
    }
}
