package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Scaling;
import dev.triage.config.Task;
import dev.triage.diagnose.data.HighCardinalityRule;
import dev.triage.diagnose.data.NotLearnableRule;
import dev.triage.diagnose.data.TargetLeakRule;
import dev.triage.diagnose.data.TargetLooksCategoricalRule;
import dev.triage.diagnose.data.TargetMissingRule;
import dev.triage.diagnose.data.TooSmallRule;
import dev.triage.diagnose.data.UnscaledFeaturesRule;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.FeatureAssociation;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.RunLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data rules on the cases where a naive threshold cries wolf or misses the fault (issue 10, sections 4 and 5). */
class DataJudgmentTest {
    private static RunLog with(Logs.Setup s, DataSignals d) {
        RunLog log = Logs.log(s);
        log.setData(d);
        return log;
    }

    private static DataSignals sized(int train, int validation, List<ColumnProfile> columns) {
        return new DataSignals("d.csv", train + validation, train, validation, 0, false, columns, null,
                new DuplicateRows(train + validation, 0, 0), List.of(), List.of(), List.of(), 0, 0);
    }

    @Test
    void tooSmallNeverProposesEarlyStoppingThatIsOn() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.layers(dev.triage.config.Activation.RELU, dev.triage.config.Init.HE_UNIFORM, 1, 0, 256, 256);
        s.trainRows = 124;
        assertThat(new TooSmallRule().check(Logs.log(s))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.remedies()).first().isEqualTo(Remedy.EARLY_STOPPING);
            assertThat(f.evidence().get("parameters_per_row")).isEqualTo(68865 / 124.0);
        });
        s.restoreBest = true;
        assertThat(new TooSmallRule().check(Logs.log(s))).singleElement().satisfies(f -> {
            assertThat(f.remedies()).doesNotContain(Remedy.EARLY_STOPPING);
            assertThat(f.message()).contains("early stopping restores the best epoch");
        });
    }

    private static Baselines classification(double trivialAcc, double linearAcc, double gain, double p, int permutations) {
        return new Baselines(List.of(new BaselineResult("trivial", "accuracy", trivialAcc, trivialAcc, 0.685),
                new BaselineResult("linear", "accuracy", linearAcc, linearAcc, 0.672)), "trivial", "linear", gain, p, permutations);
    }

    @Test
    void labelNoiseIsNotUnlearnableWhenABaselineIsClearlyMoreAccurate() {
        RunLog noisy = with(new Logs.Setup(), sized(399, 85, List.of()));
        noisy.setBaselines(classification(0.565, 0.68, 0.019, 0.1, 19));
        assertThat(new NotLearnableRule().check(noisy)).as("11.5 points over trivial on 85 rows is > 2 standard errors").isEmpty();
        noisy.setBaselines(classification(0.565, 0.62, 0.019, 0.1, 19));
        assertThat(new NotLearnableRule().check(noisy)).as("5.5 points is within noise").singleElement().satisfies(f -> {
            assertThat(f.message()).contains("1 of 19 refits on shuffled labels reached that gain too (p = 0.1)");
            assertThat(f.evidence().get("permutations")).isEqualTo(19);
        });
    }

    @Test
    void aSmallLogLossGainWithTenPointsOfCrossValidatedAccuracyIsNoise() {
        RunLog noisy = with(new Logs.Setup(), sized(399, 85, List.of()));
        List<BaselineResult> r = classification(0.565, 0.6, 0, 0, 0).results();
        noisy.setBaselines(new Baselines(r, "trivial", "linear", 0.007, 0.01, 99, 0.10, 484));
        assertThat(new NotLearnableRule().check(noisy)).as("0.7% log-loss gain, +10 points of accuracy on 484 rows").isEmpty();
        noisy.setBaselines(new Baselines(r, "trivial", "linear", 0.007, 0.02, 99, 0.01, 484));
        assertThat(new NotLearnableRule().check(noisy)).as("random labels: +1 point is within noise").hasSize(1);
        noisy.setBaselines(new Baselines(r, "trivial", "linear", 0.007, 0.02, 99, 0.046, 484));
        assertThat(new NotLearnableRule().check(noisy)).as("just above 2 standard errors (4.5 points)").isEmpty();
    }

    @Test
    void notLearnableConcludesNothingFromTooFewRows() {
        RunLog tiny = with(new Logs.Setup(), sized(12, 0, List.of()));
        tiny.setBaselines(classification(0.5, 0.5, -0.2, Double.NaN, 0));
        assertThat(new NotLearnableRule().check(tiny)).isEmpty();
        RunLog enough = with(new Logs.Setup(), sized(20, 0, List.of()));
        enough.setBaselines(classification(0.5, 0.5, -0.2, Double.NaN, 0));
        assertThat(new NotLearnableRule().check(enough)).as("20 rows: the minimum").hasSize(1);
    }

    @Test
    void featuresInTheUnitRangeWithUnevenSpreadsAreFine() {
        Logs.Setup s = new Logs.Setup();
        s.scale = Scaling.NONE;
        DataSignals pixels = sized(1000, 200, List.of(numeric("border", 0, 0, 0.06, 0.0015, 0), numeric("center", 0, 0.5, 1, 0.42, 0.3)));
        assertThat(new UnscaledFeaturesRule().check(with(s, pixels))).as("pixels / 255: std ratio 280, all within [0, 1]").isEmpty();
        DataSignals wide = sized(1000, 200, List.of(numeric("grams", 0, 5, 19, 4, 3), numeric("ratio", 0, 0.01, 0.03, 0.005, 0.003)));
        assertThat(new UnscaledFeaturesRule().check(with(s, wide))).as("a feature spreading beyond 1 next to a tiny one")
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void featuresAllNearZeroAreUnscaled() {
        Logs.Setup s = new Logs.Setup();
        s.scale = Scaling.NONE;
        DataSignals tiny = sized(1000, 200, List.of(numeric("a", -3e-4, 0, 4e-4, 1e-4, 7e-5), numeric("b", -2e-4, 0, 3e-4, 1e-4, 7e-5)));
        assertThat(new UnscaledFeaturesRule().check(with(s, tiny))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("max_abs_value")).isEqualTo(4e-4);
            assertThat(f.message()).contains("within 4.00e-04 of zero");
            assertThat(f.remedies()).first().isEqualTo(Remedy.SCALE_FEATURES);
        });
        DataSignals small = sized(1000, 200, List.of(numeric("a", -0.04, 0, 0.04, 0.01, 0.01)));
        assertThat(new UnscaledFeaturesRule().check(with(s, small))).as("below 1/20: a warning").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        DataSignals fine = sized(1000, 200, List.of(numeric("a", -0.06, 0, 0.06, 0.02, 0.01)));
        assertThat(new UnscaledFeaturesRule().check(with(s, fine))).as("above 1/20").isEmpty();
        s.scale = Scaling.STANDARD;
        assertThat(new UnscaledFeaturesRule().check(with(s, tiny))).isEmpty();
    }

    @Test
    void aSingleFeatureIsNotALeakByItself() {
        Logs.Setup s = new Logs.Setup();
        DataSignals one = DataRulesTest.associations(List.of(new FeatureAssociation("x", 0.9999, 0.9998, Double.NaN)));
        assertThat(new TargetLeakRule().check(with(s, one))).isEmpty();
    }

    @Test
    void aClassIntervalFeatureLeaksEvenNextToAStrongGenuineFeature() {
        Logs.Setup s = new Logs.Setup();
        List<FeatureAssociation> iris = List.of(new FeatureAssociation("row_id", Double.NaN, 1.0, 0.33),
                new FeatureAssociation("petal_width", Double.NaN, 0.96, 0.33));
        assertThat(new TargetLeakRule().check(with(s, DataRulesTest.associations(iris)))).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("row_id");
            assertThat(f.evidence().get("best_other_feature")).isEqualTo(0.96);
        });
        List<FeatureAssociation> twins = List.of(new FeatureAssociation("a", Double.NaN, 0.99, 0.33),
                new FeatureAssociation("b", Double.NaN, 0.985, 0.33));
        assertThat(new TargetLeakRule().check(with(s, DataRulesTest.associations(twins)))).as("neither stands out").isEmpty();
    }

    @Test
    void aBinnedCopyOfTheTargetLeaksButADominantInputOfALinearTargetDoesNot() {
        Logs.Setup s = new Logs.Setup();
        List<FeatureAssociation> binned = List.of(new FeatureAssociation("band", 0.982, 0.972, Double.NaN),
                new FeatureAssociation("cement", 0.5, 0.25, Double.NaN));
        RunLog log = with(s, DataRulesTest.associations(binned));
        log.setBaselines(Logs.baselines(279, 8.5, 40));
        assertThat(new TargetLeakRule().check(log)).as("alone 2.8% unexplained, all features 3%").singleElement()
                .satisfies(f -> assertThat(f.evidence().get("strength")).isCloseTo(Math.sqrt(0.972), org.assertj.core.data.Offset.offset(1e-9)));
        List<FeatureAssociation> dominant = List.of(new FeatureAssociation("sulfur", 0.982, 0.964, Double.NaN),
                new FeatureAssociation("acidity", 0.6, 0.36, Double.NaN));
        RunLog linear = with(s, DataRulesTest.associations(dominant));
        linear.setBaselines(Logs.baselines(6.6e5, 0.005, 1.8e4));
        assertThat(new TargetLeakRule().check(linear)).as("all features together explain what it leaves").isEmpty();
        List<FeatureAssociation> weaker = List.of(new FeatureAssociation("band", 0.975, 0.95, Double.NaN),
                new FeatureAssociation("cement", 0.5, 0.25, Double.NaN));
        assertThat(new TargetLeakRule().check(with(s, DataRulesTest.associations(weaker)))).as("below 0.98").isEmpty();
    }

    @Test
    void aCategoricalLookingTargetIsAWarningWithTheSwitch() {
        Logs.Setup s = new Logs.Setup();
        ColumnProfile quality = new ColumnProfile("quality", true, true, 1599, 0, 0, 6, false,
                new NumericSummary(3, 5, 6, 6, 8, 5.6, 0.8, 1), null, true, false);
        List<Finding> f = new TargetLooksCategoricalRule().check(with(s, sized(1119, 240, List.of(quality))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).as("a grade from 3 to 8: regression is a fine choice").isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("--task classification", "regression is a fine choice");
        });
        ColumnProfile species = new ColumnProfile("species", true, true, 150, 0, 0, 3, false,
                new NumericSummary(0, 0, 1, 2, 2, 1, 0.8, 1), null, true, false);
        assertThat(new TargetLooksCategoricalRule().check(with(s, sized(105, 45, List.of(species))))).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).as("the codes 0, 1, 2").isEqualTo(Severity.WARNING);
                    assertThat(x.message()).contains("0 to 2, as class codes are stored", "--task classification");
                });
        s.task = Task.CLASSIFICATION;
        assertThat(new TargetLooksCategoricalRule().check(with(s, sized(1119, 240, List.of(quality))))).isEmpty();
    }

    @Test
    void rowsWithoutATargetAreCountedAndNamed() {
        DataSignals d = new DataSignals("w.csv", 1595, 1116, 240, 239, false, List.of(Logs.target("quality", 3, 6, 8)), null,
                new DuplicateRows(1595, 0, 0), List.of(), List.of(), List.of(), 4, 0, List.of("w.csv row 6", "w.csv row 51"));
        assertThat(new TargetMissingRule().check(with(new Logs.Setup(), d))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.where()).isEqualTo("quality");
            assertThat(f.message()).contains("4 of 1599 rows").contains("w.csv row 6, w.csv row 51, ...");
            assertThat(f.evidence().get("rows_without_target")).isEqualTo(4);
        });
        DataSignals mostly = new DataSignals("w.csv", 10, 7, 2, 1, false, List.of(), null, new DuplicateRows(10, 0, 0), List.of(),
                List.of(), List.of(), 11, 0);
        assertThat(new TargetMissingRule().check(with(new Logs.Setup(), mostly))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(new TargetMissingRule().check(with(new Logs.Setup(), sized(100, 20, List.of())))).isEmpty();
    }

    private static ColumnProfile text(String name, long rows, long distinct) {
        return new ColumnProfile(name, false, false, rows, 0, 0, distinct, false, null, null, false, false);
    }

    @Test
    void anIdentifierTextColumnHasHighCardinality() {
        Logs.Setup s = new Logs.Setup();
        DataSignals d = sized(278, 60, List.of(text("car_name", 398, 305), text("origin", 398, 3), numeric("weight", 1600, 2800, 5100, 850, 600)));
        assertThat(new HighCardinalityRule().check(with(s, d))).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("car_name");
            assertThat(f.evidence().get("distinct_share")).isCloseTo(305 / 398.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.remedies()).containsExactly(Remedy.DROP_COLUMN);
        });
        DataSignals half = sized(278, 60, List.of(text("maker", 398, 198)));
        assertThat(new HighCardinalityRule().check(with(s, half))).as("just under half distinct").isEmpty();
        DataSignals tiny = sized(10, 2, List.of(text("name", 12, 12)));
        assertThat(new HighCardinalityRule().check(with(s, tiny))).as("too few rows to tell").isEmpty();
    }
}
