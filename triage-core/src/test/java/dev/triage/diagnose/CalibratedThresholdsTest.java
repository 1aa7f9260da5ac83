package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static dev.triage.diagnose.Logs.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.data.SplitShiftRule;
import dev.triage.diagnose.dynamics.UpdateRatioRule;
import dev.triage.probe.log.ColumnShift;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.RunLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The defaults the calibration harness set (docs/calibration.md): what healthy runs showed stays quiet,
 * what the faults showed is still reported.
 */
class CalibratedThresholdsTest {
    private static RunLog shifts(boolean separate, ColumnShift... s) {
        RunLog log = Logs.log(new Logs.Setup());
        log.setData(new DataSignals("d.csv", 1500, 1050, 225, 225, separate, List.of(), null, new DuplicateRows(1500, 0, 0),
                List.of(), List.of(), List.of(s), 0, 0));
        return log;
    }

    @Test
    void aNearlyConstantColumnIsNotAShiftBetweenRandomSplits() {
        // border pixels of the healthy image runs: many training deviations apart, yet the same distribution
        assertThat(new SplitShiftRule().check(shifts(false, new ColumnShift("pixel_1_1", 0.0167, 11.15, 148.9, 1050, 225),
                new ColumnShift("pixel_0_25", 0.0199, 1.52, 17.9, 1050, 225)))).isEmpty();
    }

    @Test
    void aShiftInOtherUnitsIsStillReported() {
        // a test file in other units: the mean moves by ~2.4 pooled deviations, KS near 1
        assertThat(new SplitShiftRule().check(shifts(true, new ColumnShift("weight", 0.87, -1.91, 0.54, 278, 120))))
                .singleElement().satisfies(f -> assertThat(f.evidence().get("mean_shift_in_pooled_std")).isLessThan(-2));
        // the mean alone, with spreads alike: judged in pooled deviations
        assertThat(new SplitShiftRule().check(shifts(false, new ColumnShift("age", 0.3, 1.5, 1.0, 1050, 225)))).hasSize(1);
    }

    private static RunLog updates(double ratio) {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 3;
        RunLog log = Logs.log(s);
        for (int e = 1; e <= 3; e++) {
            log.addEpoch(epoch(e, 0.5, 0.5, 0.6, 0.5, 1.0));
            log.addProbe(Logs.probe(e, new double[] {0.1, 0.2, 0.5}, fill(3, 5), fill(3, 5 * ratio), fill(3, 0), fill(3, 0)));
        }
        return log;
    }

    @Test
    void updateRatiosOfHealthyAdamRunsAreNotAWarning() {
        // healthy runs reached median update ratios of 1-3.5e-2 in their first epochs
        assertThat(new UpdateRatioRule().check(updates(0.02))).isEmpty();
        assertThat(new UpdateRatioRule().check(updates(0.05))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(new UpdateRatioRule().check(updates(0.5))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }
}
