package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.data.ConstantFeatureRule;
import dev.triage.diagnose.data.DuplicateRowsRule;
import dev.triage.diagnose.data.TargetLooksCategoricalRule;
import dev.triage.diagnose.data.TargetUnscaledRule;
import dev.triage.diagnose.data.UnseenCategoryRule;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.NumericSummary;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.UnseenCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data rules that had no test: each fires, stays quiet, flips at its bound and reports its numbers. */
class DataRulesBoundaryTest {
    private static RunLog with(Logs.Setup s, DataSignals d) {
        RunLog log = Logs.log(s);
        log.setData(d);
        return log;
    }

    private static DataSignals data(List<ColumnProfile> columns, DuplicateRows dup, List<UnseenCategory> unseen) {
        return new DataSignals("d.csv", 1000, 700, 150, 150, false, columns, null, dup, unseen, List.of(), List.of(), 0, 0);
    }

    private static ColumnProfile constant(String name) {
        ColumnProfile c = numeric(name, 0, 0, 0, 0, 0);
        return new ColumnProfile(name, false, true, 1000, 0, 0, 1, false, c.summary(), c.outliers(), true, true);
    }

    @Test
    void constantFeaturesAreNamedUpToEight() {
        List<ColumnProfile> cols = new ArrayList<>(List.of(numeric("x", 0, 1, 2, 0.5, 0.3), Logs.target("y", 0, 1, 2)));
        assertThat(new ConstantFeatureRule().check(with(new Logs.Setup(), data(cols, null, List.of())))).isEmpty();
        for (int i = 1; i <= 8; i++) {
            cols.add(constant("p" + i));
        }
        assertThat(new ConstantFeatureRule().check(with(new Logs.Setup(), data(cols, null, List.of())))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).as("Triage's scaler guards a constant column").isEqualTo(Severity.INFO);
                    assertThat(f.where()).isEqualTo("p1, p2, p3, p4, p5, p6, p7, p8");
                    assertThat(f.message()).isEqualTo("8 feature(s) have a single value in the training split: "
                            + "p1, p2, p3, p4, p5, p6, p7, p8");
                    assertThat(f.evidence().asMap()).containsExactly(Map.entry("constant_features", 8.0),
                            Map.entry("features", 9.0));
                    assertThat(f.remedies()).containsExactly(Remedy.DROP_CONSTANT_FEATURES);
                });
        RunLog foreign = with(new Logs.Setup(), data(cols, null, List.of()));
        foreign.setOrigin(new RunOrigin("pytorch", "2.1", "MSELoss", "Adam"));
        assertThat(new ConstantFeatureRule().check(foreign)).as("another framework's scaler may divide by zero").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        cols.add(constant("p9"));
        cols.add(constant("p10"));
        assertThat(new ConstantFeatureRule().check(with(new Logs.Setup(), data(cols, null, List.of())))).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo("p1, p2, p3, p4, p5, p6, p7, p8 and 2 more"));
    }

    @Test
    void duplicatesFromOnePercentOfTheRows() {
        DuplicateRowsRule rule = new DuplicateRowsRule();
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), null, List.of())))).as("not measured").isEmpty();
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(1000, 9, 3), List.of())))).isEmpty();
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(1000, 10, 0), List.of())))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).as("copies with the same target are common").isEqualTo(Severity.INFO);
                    assertThat(f.where()).isNull();
                    assertThat(f.message()).isEqualTo("10 rows (1%) are exact copies of other rows");
                    assertThat(f.evidence().asMap()).containsExactly(Map.entry("duplicate_rows", 10.0), Map.entry("rows", 1000.0),
                            Map.entry("conflicting_targets", 0.0));
                    assertThat(f.remedies()).isEmpty();
                });
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(1000, 12, 4), List.of())))).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("12 rows (1%) are exact copies of other rows, and 4 feature combinations"
                            + " appear with different targets");
                    assertThat(f.remedies()).containsExactly(Remedy.CHECK_LABELS);
                    assertThat(f.severity()).as("4 conflicting of 1000 rows").isEqualTo(Severity.INFO);
                });
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(1000, 12, 10), List.of())))).singleElement()
                .as("1% of the rows disagree on the target").extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(100, 2, 2), List.of())))).singleElement()
                .as("2 rows at least").extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(100, 1, 0), List.of()))))
                .as("one copy is never worth saying").isEmpty();
        assertThat(rule.check(with(new Logs.Setup(), data(List.of(), new DuplicateRows(100, 2, 0), List.of())))).hasSize(1);
    }

    private static ColumnProfile integerTarget(long distinct, boolean integers) {
        return integerTarget(distinct, integers, 1, distinct);
    }

    private static ColumnProfile integerTarget(long distinct, boolean integers, double min, double max) {
        return new ColumnProfile("quality", true, true, 1000, 0, 0, distinct, false,
                new NumericSummary(min, 5, 6, 6, max, 5.6, 0.8, 1), null, integers, false);
    }

    @Test
    void aTargetWithTwentyDistinctIntegersLooksCategorical() {
        Logs.Setup s = new Logs.Setup();
        TargetLooksCategoricalRule rule = new TargetLooksCategoricalRule();
        assertThat(rule.check(with(s, data(List.of(integerTarget(20, true)), null, List.of())))).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("quality");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("distinct_values", 20.0), Map.entry("bound", 20.0),
                    Map.entry("min", 1.0), Map.entry("max", 20.0));
            assertThat(f.remedies()).isEmpty();
        });
        assertThat(rule.check(with(s, data(List.of(integerTarget(20, true, 0, 19)), null, List.of())))).singleElement()
                .extracting(Finding::severity).as("codes from 0").isEqualTo(Severity.WARNING);
        assertThat(rule.check(with(s, data(List.of(integerTarget(20, true, 2, 21)), null, List.of())))).singleElement()
                .extracting(Finding::severity).as("from 2: a grade").isEqualTo(Severity.INFO);
        assertThat(rule.check(with(s, data(List.of(integerTarget(19, true, 1, 20)), null, List.of())))).singleElement()
                .extracting(Finding::severity).as("a gap: not codes").isEqualTo(Severity.INFO);
        assertThat(rule.check(with(s, data(List.of(integerTarget(21, true)), null, List.of())))).isEmpty();
        assertThat(rule.check(with(s, data(List.of(integerTarget(6, false)), null, List.of())))).as("not integers").isEmpty();
        assertThat(rule.check(with(s, data(List.of(numeric("x", 0, 1, 2, 1, 1)), null, List.of())))).as("no target").isEmpty();
        s.task = Task.CLASSIFICATION;
        assertThat(rule.check(with(s, data(List.of(integerTarget(6, true)), null, List.of())))).isEmpty();
    }

    private static List<Finding> unscaled(Logs.Setup s, double mean, double std) {
        NumericSummary sum = new NumericSummary(mean - 2 * std, mean, mean, mean, mean + 2 * std, mean, std, std);
        ColumnProfile t = new ColumnProfile("price", true, true, 1000, 0, 0, 900, false, sum, null, false, false);
        return new TargetUnscaledRule().check(with(s, data(List.of(t), null, List.of())));
    }

    @Test
    void aRawTargetIsAWarningAboveTenAndAnErrorAboveAThousand() {
        Logs.Setup s = new Logs.Setup();
        s.scaleTarget = TargetScaling.NONE;
        assertThat(unscaled(s, 5, 10)).as("std 10 is on the bound").isEmpty();
        assertThat(unscaled(s, -10, 0.01)).as("|mean| 10, std 0.01: both on their bounds").isEmpty();
        assertThat(unscaled(s, 0, 0.0099)).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(unscaled(s, -10.5, 1)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.where()).isEqualTo("price");
            assertThat(f.message()).isEqualTo("the target price is trained in raw units (std 1, mean -10.5) with scale_target: none");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("target_std", 1.0), Map.entry("target_mean", -10.5),
                    Map.entry("bound", 10.0));
            assertThat(f.remedies()).containsExactly(Remedy.SCALE_TARGET);
        });
        assertThat(unscaled(s, 1000, 3)).as("1000 is still a warning").singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(unscaled(s, 20, 1001)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence().get("bound")).isEqualTo(1000.0);
        });
        s.scaleTarget = TargetScaling.STANDARD;
        assertThat(unscaled(s, 20, 1001)).as("the target is scaled").isEmpty();
        s.scaleTarget = TargetScaling.NONE;
        s.task = Task.CLASSIFICATION;
        assertThat(unscaled(s, 20, 1001)).isEmpty();
    }

    @Test
    void eachUnseenCategoryIsOneFindingPerColumnAndSplit() {
        Logs.Setup s = new Logs.Setup();
        assertThat(new UnseenCategoryRule().check(with(s, data(List.of(), null, List.of())))).isEmpty();
        List<UnseenCategory> unseen = List.of(new UnseenCategory("city", "validation", 7, 2, "Lyon"),
                new UnseenCategory("city", "test", 1, 1, "Nice"));
        List<Finding> found = new UnseenCategoryRule().check(with(s, data(List.of(), null, unseen)));
        assertThat(found).extracting(Finding::where).containsExactly("city (validation)", "city (test)");
        assertThat(found.get(1).severity()).as("1 of 150 test rows is below 1%: an info").isEqualTo(Severity.INFO);
        assertThat(found.get(0)).satisfies(f -> {
            assertThat(f.severity()).as("7 of 150 validation rows").isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("7 validation rows of city have 2 value(s) never seen in training (e.g. 'Lyon');"
                    + " they are encoded as all zeros");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("rows", 7.0), Map.entry("values", 2.0),
                    Map.entry("share_of_split", 7 / 150.0));
            assertThat(f.remedies()).containsExactly(Remedy.STRATIFY_SPLIT);
        });
    }
}
