package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.baselines;
import static dev.triage.diagnose.Logs.data;
import static dev.triage.diagnose.Logs.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Imputation;
import dev.triage.config.Scaling;
import dev.triage.diagnose.data.ClassImbalanceRule;
import dev.triage.diagnose.data.ClassMissingInSplitRule;
import dev.triage.diagnose.data.NonFiniteDataRule;
import dev.triage.diagnose.data.NotLearnableRule;
import dev.triage.diagnose.data.OutliersRule;
import dev.triage.diagnose.data.SplitShiftRule;
import dev.triage.diagnose.data.TargetLeakRule;
import dev.triage.diagnose.data.TooSmallRule;
import dev.triage.diagnose.data.UnscaledFeaturesRule;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.ColumnShift;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.FeatureAssociation;
import dev.triage.probe.log.OutlierSummary;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.SplitClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each data rule: fires, stays quiet on healthy signals, and the boundary of its threshold. */
class DataRulesTest {
    private static RunLog with(Logs.Setup s, DataSignals d) {
        RunLog log = Logs.log(s);
        log.setData(d);
        return log;
    }

    @Test
    void nonFiniteIsAnErrorOnlyWithoutImputation() {
        DataSignals d = data(List.of(Logs.withMissing(numeric("rooms", 1, 5, 9, 2, 1), 207), numeric("age", 1, 30, 60, 10, 5)));
        Logs.Setup s = new Logs.Setup();
        List<Finding> none = new NonFiniteDataRule().check(with(s, d));
        assertThat(none).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("rooms")).isEqualTo(207);
            assertThat(f.where()).isEqualTo("rooms");
        });
        assertThat(new NonFiniteDataRule().blocksTraining(none.get(0))).isTrue();
        s.impute = Imputation.MEDIAN;
        assertThat(new NonFiniteDataRule().check(with(s, d))).singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
        assertThat(new NonFiniteDataRule().check(with(s, data(List.of(numeric("age", 1, 30, 60, 10, 5)))))).isEmpty();
    }

    @Test
    void unscaledFiresOnlyForScaleNoneAndAtItsBounds() {
        Logs.Setup s = new Logs.Setup();
        DataSignals big = data(List.of(numeric("population", 3, 1166, 35682, 1132, 450), numeric("income", 0.5, 3.5, 15, 1.9, 1)));
        assertThat(new UnscaledFeaturesRule().check(with(s, big))).isEmpty();
        s.scale = Scaling.NONE;
        assertThat(new UnscaledFeaturesRule().check(with(s, big))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("max_abs_value")).isEqualTo(35682);
        });
        DataSignals atBound = data(List.of(numeric("a", -20, 0, 20, 1, 1), numeric("b", -1, 0, 1, 1, 1)));
        assertThat(new UnscaledFeaturesRule().check(with(s, atBound))).as("20 is within the default bound").isEmpty();
        DataSignals justAbove = data(List.of(numeric("a", -21, 0, 21, 1, 1), numeric("b", -1, 0, 1, 1, 1)));
        assertThat(new UnscaledFeaturesRule().check(with(s, justAbove))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void sentinelOutliersAreErrorsAndHeavyTailsOneWarning() {
        Logs.Setup s = new Logs.Setup();
        OutlierSummary sentinel = new OutlierSummary(210, 10, 10, 1, 999, 10);
        OutlierSummary tail = new OutlierSummary(52, 10, 40, 38, 35682, 1);
        DataSignals d = data(List.of(Logs.withOutliers(numeric("bmi", 18, 26, 999, 90, 3), sentinel),
                Logs.withOutliers(numeric("population", 3, 1166, 35682, 1132, 450), tail),
                Logs.withOutliers(numeric("rooms", 1, 5, 300, 20, 2), new OutlierSummary(30, 10, 5, 5, 300, 1))));
        List<Finding> found = new OutliersRule().check(with(s, d));
        assertThat(found).hasSize(2);
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(found.get(0).evidence().get("sentinel")).isEqualTo(999);
        assertThat(found.get(0).remedies()).first().isEqualTo(Remedy.TREAT_OUTLIERS_AS_MISSING);
        assertThat(found.get(1).severity()).as("standardized, 4% of the rows at most: an info").isEqualTo(Severity.INFO);
        assertThat(found.get(1).evidence().get("columns")).isEqualTo(2);
        assertThat(found.get(1).where()).isEqualTo("population");
        assertThat(new OutliersRule().check(with(s, data(List.of(numeric("x", 0, 1, 2, 0.5, 0.3)))))).isEmpty();
    }

    @Test
    void imbalanceIsRelativeToTheLargestClass() {
        Logs.Setup s = new Logs.Setup();
        RunLog balancedTen = with(s, classes(new long[] {178, 180, 182, 179, 181, 180, 183, 178, 177, 179}));
        assertThat(new ClassImbalanceRule().check(balancedTen)).as("ten classes of 10% each are balanced").isEmpty();
        assertThat(new ClassImbalanceRule().check(with(s, classes(new long[] {7841, 24720})))).isEmpty();
        List<Finding> rare = new ClassImbalanceRule().check(with(s, classes(new long[] {11, 250})));
        assertThat(rare).singleElement().satisfies(f -> assertThat(f.evidence().get("rarest_to_largest")).isCloseTo(0.044, org.assertj.core.data.Offset.offset(1e-3)));
        assertThat(new ClassImbalanceRule().check(with(s, classes(new long[] {10, 100})))).as("exactly 1:10 is on the bound").isEmpty();
        assertThat(new ClassImbalanceRule().check(with(s, classes(new long[] {9, 100})))).hasSize(1);
    }

    private static DataSignals classes(long[] train) {
        long[] none = new long[train.length];
        SplitClasses c = new SplitClasses(java.util.stream.IntStream.range(0, train.length).mapToObj(Integer::toString).toList(),
                train, train.clone(), train.clone());
        return new DataSignals("d.csv", 1000, 700, 150, 150, false, List.of(), c, new DuplicateRows(1000, 0, 0), List.of(),
                List.of(), List.of(), 0, none.length * 0L);
    }

    @Test
    void aClassAbsentFromASplitIsAnErrorWithShuffleFirstWhenUnshuffled() {
        Logs.Setup s = new Logs.Setup();
        s.shuffled = false;
        SplitClasses sorted = new SplitClasses(List.of("0", "1", "2"), new long[] {50, 50, 5}, new long[] {0, 0, 22},
                new long[] {0, 0, 23});
        DataSignals d = new DataSignals("iris.csv", 150, 105, 22, 23, false, List.of(), sorted, new DuplicateRows(150, 1, 0),
                List.of(), List.of(), List.of(), 0, 0);
        List<Finding> found = new ClassMissingInSplitRule().check(with(s, d));
        assertThat(found).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.remedies()).startsWith(Remedy.SHUFFLE_SPLIT);
        });
        assertThat(found.get(0).where()).isEqualTo("class '0'");
    }

    @Test
    void leaksNeedNearPerfectPrediction() {
        Logs.Setup s = new Logs.Setup();
        List<FeatureAssociation> regression = List.of(new FeatureAssociation("panel_score", 0.997, 0.994, Double.NaN),
                new FeatureAssociation("alcohol", 0.48, 0.23, Double.NaN), new FeatureAssociation("ph", 0.06, 0.01, Double.NaN));
        assertThat(new TargetLeakRule().check(with(s, associations(regression)))).extracting(Finding::where)
                .containsExactly("panel_score");
        List<FeatureAssociation> classes = List.of(new FeatureAssociation("petal", Double.NaN, 0.9, 0.33),
                new FeatureAssociation("label_copy", Double.NaN, 1.0, 0.6), new FeatureAssociation("always", Double.NaN, 0.99, 0.99));
        assertThat(new TargetLeakRule().check(with(s, associations(classes)))).as("'always' is no better than the majority")
                .extracting(Finding::where).containsExactly("label_copy");
    }

    static DataSignals associations(List<FeatureAssociation> a) {
        return new DataSignals("d.csv", 1000, 700, 150, 150, false, List.of(), null, new DuplicateRows(1000, 0, 0),
                List.of(), a, List.of(), 0, 0);
    }

    @Test
    void splitShiftIsAnErrorForASeparateTestFile() {
        Logs.Setup s = new Logs.Setup();
        List<ColumnShift> shifts = List.of(new ColumnShift("weight", 0.9, -2.7, 0.45, 300, 98),
                new ColumnShift("year", 0.1, 0.05, 1.0, 300, 98), new ColumnShift("tiny", 0.9, 5, 1, 300, 12));
        DataSignals separate = new DataSignals("t.csv", 398, 255, 45, 98, true, List.of(), null, new DuplicateRows(398, 0, 0),
                List.of(), List.of(), shifts, 0, 0);
        assertThat(new SplitShiftRule().check(with(s, separate))).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("weight");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.remedies()).isEmpty();
        });
    }

    @Test
    void notLearnableOnNoGainOrOnAChanceGain() {
        Logs.Setup s = new Logs.Setup();
        RunLog healthy = Logs.log(s);
        healthy.setBaselines(baselines(1.0, 0.5, 0.6));
        assertThat(new NotLearnableRule().check(healthy)).isEmpty();
        RunLog chance = Logs.log(s);
        Baselines b = baselines(0.66, 0.62, 0.68);
        chance.setBaselines(new Baselines(b.results(), "trivial", "linear", 0.06, 0.1, 19));
        assertThat(new NotLearnableRule().check(chance)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        RunLog significant = Logs.log(s);
        significant.setBaselines(new Baselines(b.results(), "trivial", "linear", 0.06, 0.05, 19));
        assertThat(new NotLearnableRule().check(significant)).as("p = alpha is significant").isEmpty();
    }

    @Test
    void tooSmallCountsParametersPerTrainingRow() {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.layers(dev.triage.config.Activation.RELU, dev.triage.config.Init.HE_UNIFORM, 1, 0, 256, 256);
        s.trainRows = 128;
        assertThat(new TooSmallRule().check(Logs.log(s))).as("a ratio is a risk, never an error by itself").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        s.trainRows = 100_000;
        assertThat(new TooSmallRule().check(Logs.log(s))).isEmpty();
    }
}
