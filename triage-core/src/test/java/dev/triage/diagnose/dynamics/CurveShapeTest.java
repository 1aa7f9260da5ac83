package dev.triage.diagnose.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.RunLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a curve ended (rose, still falling, flat) and whether a troubled run recovered, at their bounds. */
class CurveShapeTest {
    private static List<EpochPoint> losses(double... train) {
        List<EpochPoint> out = new ArrayList<>();
        for (int i = 0; i < train.length; i++) {
            out.add(new EpochPoint(i + 1, 10L * (i + 1), 1e-3, train[i], train[i], 0.5, 0.5, 1, 0.1));
        }
        return out;
    }

    private static double[] flat(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void aLossEndingAboveTwiceItsLowestRose() {
        assertThat(CurveShape.of(List.of())).isEqualTo(CurveShape.FLAT);
        assertThat(CurveShape.of(losses(1, 0.5, 1.0))).as("exactly twice").isEqualTo(CurveShape.FLAT);
        assertThat(CurveShape.of(losses(1, 0.5, 1.01))).isEqualTo(CurveShape.ROSE);
        assertThat(CurveShape.of(losses(1, 0.5, Double.NaN))).isEqualTo(CurveShape.ROSE);
        assertThat(CurveShape.of(losses(0.4, Double.NaN, 1.0))).as("the lowest finite loss").isEqualTo(CurveShape.ROSE);
    }

    @Test
    void stillFallingByMoreThanOnePercentPerEpochOverTheLastFifth() {
        // ten epochs: the last fifth is 2 epochs; from 100 to 98 is 1% per epoch
        double[] onePercent = flat(10, 100);
        onePercent[9] = 98;
        assertThat(CurveShape.of(losses(onePercent))).isEqualTo(CurveShape.FLAT);
        double[] more = flat(10, 100);
        more[9] = 97.9;
        assertThat(CurveShape.of(losses(more))).isEqualTo(CurveShape.FALLING);
        double[] early = flat(10, 100);
        early[7] = 200;
        early[9] = 190;
        assertThat(CurveShape.of(losses(early))).as("measured from 3 epochs before the end").isEqualTo(CurveShape.FALLING);
        assertThat(CurveShape.of(losses(100))).as("one epoch: no window").isEqualTo(CurveShape.FLAT);
        assertThat(CurveShape.of(losses(100, 99))).as("two epochs: a window of one, 1%").isEqualTo(CurveShape.FLAT);
        assertThat(CurveShape.of(losses(100, 98.9))).isEqualTo(CurveShape.FALLING);
        assertThat(CurveShape.of(losses(100, 90, 80))).isEqualTo(CurveShape.FALLING);
        double[] twenty = flat(20, 100);
        twenty[19] = 96;
        assertThat(CurveShape.of(losses(twenty))).as("20 epochs: a window of 4, 1% per epoch").isEqualTo(CurveShape.FLAT);
        twenty[15] = 101;
        assertThat(CurveShape.of(losses(twenty))).isEqualTo(CurveShape.FALLING);
    }

    private static RunLog evaluated(List<EpochPoint> epochs, double score, boolean restored) {
        RunLog log = new RunLog();
        epochs.forEach(log::addEpoch);
        log.setEvaluation(new EvaluationSignals(epochs.size(), "COMPLETED", 1, 1, 0.5, score, Double.NaN, 1, 1, restored));
        return log;
    }

    private static Baselines regression(double trivial, double best) {
        return new Baselines(List.of(new BaselineResult("trivial", "rmse", 1, 1, trivial), new BaselineResult("linear", "rmse", 1, 1,
                best)), "trivial", "linear", 0.5, 0.01, 19);
    }

    @Test
    void aRegressionBeatsTheBaselinesWithNinetyPercentOfTheSkillWithinFiveTimesTheLoss() {
        RunLog log = evaluated(losses(1, 1), 0.25, false);
        assertThat(CurveShape.beatsBaselines(log)).as("no baselines").isFalse();
        log.setBaselines(regression(1, 0.25));
        assertThat(CurveShape.beatsBaselines(log)).as("as good as the best").isTrue();
        assertThat(CurveShape.beatsBaselines(evaluated(losses(1), 0.32, false))).isFalse();
        RunLog ninety = evaluated(losses(1), 0.32, false);
        ninety.setBaselines(regression(1, 0.25));
        assertThat(CurveShape.beatsBaselines(ninety)).as("(1 - 0.32) / 0.75 = 0.907 of the skill").isTrue();
        RunLog less = evaluated(losses(1), 0.33, false);
        less.setBaselines(regression(1, 0.25));
        assertThat(CurveShape.beatsBaselines(less)).as("0.893 of the skill").isFalse();
        RunLog fiveTimes = evaluated(losses(1), 5, false);
        fiveTimes.setBaselines(regression(100, 1));
        assertThat(CurveShape.beatsBaselines(fiveTimes)).isTrue();
        RunLog moreThanFive = evaluated(losses(1), 5.5, false);
        moreThanFive.setBaselines(regression(100, 1));
        assertThat(CurveShape.beatsBaselines(moreThanFive)).as("95% of the skill, but 5.5x the loss").isFalse();
        RunLog none = evaluated(losses(1), Double.NaN, false);
        none.setBaselines(regression(1, 0.25));
        assertThat(CurveShape.beatsBaselines(none)).isFalse();
    }

    @Test
    void aClassifierBeatsTheBaselinesWithinTwoPointsOfAccuracy() {
        RunLog log = new RunLog();
        log.setEvaluation(new EvaluationSignals(1, "COMPLETED", 1, 1, 0.5, 0.9, Double.NaN, 1, 1, false));
        log.setBaselines(new Baselines(List.of(new BaselineResult("trivial", "accuracy", 0.4, 0.4, 1.1),
                new BaselineResult("linear", "accuracy", 0.52, 0.52, 0.2)), "trivial", "linear", 0.5, 0.01, 19));
        assertThat(CurveShape.beatsBaselines(log)).as("accuracy 0.5 = 0.52 - 0.02, at a worse log loss").isTrue();
        log.setEvaluation(new EvaluationSignals(1, "COMPLETED", 1, 1, 0.49, 0.1, Double.NaN, 1, 1, false));
        assertThat(CurveShape.beatsBaselines(log)).isFalse();
    }

    @Test
    void aRunRecoveredWhenItEndedNearItsBest() {
        assertThat(CurveShape.recovered(new RunLog())).as("not ended").isFalse();
        assertThat(CurveShape.recovered(evaluated(losses(1, 0.5, 1.0), 1, false))).as("validation at twice its best").isTrue();
        assertThat(CurveShape.recovered(evaluated(losses(1, 0.5, 0.6, 1.01), 1, false))).as("rose").isFalse();
        List<EpochPoint> worse = new ArrayList<>(losses(1, 0.5, 0.6));
        worse.add(new EpochPoint(4, 40, 1e-3, 0.6, 1.01, 0.5, 0.5, 1, 0.1));
        assertThat(CurveShape.recovered(evaluated(worse, 1, false))).as("validation above twice its best").isFalse();
        assertThat(CurveShape.recovered(evaluated(worse, 1, true))).as("the best epoch restored").isTrue();
        RunLog nan = evaluated(losses(1, 0.5), 1, false);
        nan.setNonFinite(new NonFiniteEvent(2, 20, 0, NonFiniteEvent.Quantity.LOSS, 0.5));
        assertThat(CurveShape.recovered(nan)).isFalse();
        RunLog beats = evaluated(losses(1, 0.5, 0.6, 1.01), 0.2, false);
        beats.setBaselines(regression(1, 0.25));
        assertThat(CurveShape.recovered(beats)).as("a rose curve, but level with the best baseline").isTrue();
    }
}
