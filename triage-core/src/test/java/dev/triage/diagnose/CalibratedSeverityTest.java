package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static dev.triage.diagnose.Logs.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Scaling;
import dev.triage.diagnose.data.ConstantFeatureRule;
import dev.triage.diagnose.data.DuplicateRowsRule;
import dev.triage.diagnose.data.OutliersRule;
import dev.triage.diagnose.data.TooSmallRule;
import dev.triage.diagnose.data.UnscaledFeaturesRule;
import dev.triage.diagnose.data.UnseenCategoryRule;
import dev.triage.diagnose.dynamics.PredictsConstantRule;
import dev.triage.diagnose.dynamics.StillImprovingRule;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.OutlierSummary;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.UnseenCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Severities set from the calibration runs (docs/calibration.md): what healthy runs showed is at most a
 * warning or an info, what the injected faults showed is still an error; each boundary exactly.
 */
class CalibratedSeverityTest {
    private static RunLog data(Logs.Setup s, List<ColumnProfile> columns) {
        RunLog log = Logs.log(s);
        log.setData(Logs.data(columns));
        return log;
    }

    private static Severity unscaled(double magnitude) {
        Logs.Setup s = new Logs.Setup();
        s.scale = Scaling.NONE;
        List<Finding> f = new UnscaledFeaturesRule().check(data(s, List.of(numeric("x", -magnitude, 0, magnitude, magnitude / 3,
                magnitude / 4), numeric("y", -magnitude, 0, magnitude, magnitude / 3, magnitude / 4))));
        return f.isEmpty() ? null : f.get(0).severity();
    }

    @Test
    void unscaledFeaturesAreAnErrorFromAThousandOrBelowAHundredth() {
        assertThat(unscaled(255)).as("pixels 0-255 trained well unscaled").isEqualTo(Severity.WARNING);
        assertThat(unscaled(1000)).isEqualTo(Severity.WARNING);
        assertThat(unscaled(1001)).isEqualTo(Severity.ERROR);
        assertThat(unscaled(0.011)).isEqualTo(Severity.WARNING);
        assertThat(unscaled(0.009)).as("x1e-5 features").isEqualTo(Severity.ERROR);
        assertThat(unscaled(20)).isNull();
    }

    /** A run on features reaching 5,000 unscaled, its best baseline at MSE 0.5 (trivial 1.0), ended at {@code finalMse}. */
    private static Finding unscaledReviewed(double finalMse) {
        return unscaledReviewed(finalMse, 0.5);
    }

    private static Finding unscaledReviewed(double finalMse, double bestBaselineMse) {
        Logs.Setup s = new Logs.Setup();
        s.scale = Scaling.NONE;
        RunLog log = data(s, List.of(numeric("distance", 0, 800, 5000, 600, 400), numeric("hour", 0, 12, 23, 6, 5)));
        Doctor doctor = new Doctor(List.of(new UnscaledFeaturesRule()), List.of());
        assertThat(doctor.check(Phase.DATA, log)).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        log.setBaselines(Logs.baselines(1.0, bestBaselineMse, 0.99));
        log.addEpoch(epoch(1, finalMse, finalMse, Math.sqrt(finalMse), 0.6, 1.0));
        log.setEvaluation(new EvaluationSignals(1, "COMPLETED", finalMse, finalMse, Math.sqrt(finalMse), finalMse, Double.NaN,
                1, finalMse, false, finalMse));
        doctor.check(Phase.EVALUATION, log);
        return doctor.findings().get(0);
    }

    @Test
    void unscaledFeaturesOnARunThatHeldItsOwnAreAWarningOnceItEnded() {
        Finding fine = unscaledReviewed(0.5);
        assertThat(fine.severity()).isEqualTo(Severity.WARNING);
        assertThat(fine.message()).contains("values reach 5000 in distance", "held its own against its best baseline");
        assertThat(fine.evidence().get("max_abs_value")).isEqualTo(5000);
        assertThat(fine.evidence().get("validation_loss")).isEqualTo(0.5);
        assertThat(fine.evidence().get("best_baseline_loss")).isEqualTo(0.5);
        // 90% of the baseline's skill over the trivial predictor (MSE 1.0 -> 0.5) is MSE 0.55: just inside, just outside
        assertThat(unscaledReviewed(0.549).severity()).isEqualTo(Severity.WARNING);
        assertThat(unscaledReviewed(0.551).severity()).as("the run lost to its baseline: the prediction held")
                .isEqualTo(Severity.ERROR);
        // the best baseline gains 3% over the mean: little to learn, so no worse than the mean holds its own
        assertThat(unscaledReviewed(0.999, 0.97).severity()).isEqualTo(Severity.WARNING);
        assertThat(unscaledReviewed(1.001, 0.97).severity()).as("worse than the mean").isEqualTo(Severity.ERROR);
        assertThat(unscaledReviewed(0.999, 0.95).severity()).as("a 5% gain is something to learn").isEqualTo(Severity.ERROR);
    }

    @Test
    void aRunWithATrainingErrorKeepsItsUnscaledFeaturesError() {
        Logs.Setup s = new Logs.Setup();
        s.scale = Scaling.NONE;
        RunLog log = data(s, List.of(numeric("distance", 0, 800, 5000, 600, 400), numeric("hour", 0, 12, 23, 6, 5)));
        Rule broken = new BaseRule("always-broken", "TRAIN_TEST_ERROR", Phase.TRAINING) {
            @Override
            public List<Finding> check(RunLog l) {
                return List.of(new Finding(code(), id(), Severity.ERROR, Phase.TRAINING, 1, 1L, (String) null, "broken",
                        Evidence.empty(), List.of()));
            }
        };
        Doctor doctor = new Doctor(List.of(new UnscaledFeaturesRule(), broken), List.of());
        doctor.check(Phase.DATA, log);
        doctor.check(Phase.TRAINING, log);
        log.setBaselines(Logs.baselines(1.0, 0.5, 0.99));
        log.addEpoch(epoch(1, 0.5, 0.5, Math.sqrt(0.5), 0.6, 1.0));
        log.setEvaluation(new EvaluationSignals(1, "COMPLETED", 0.5, 0.5, Math.sqrt(0.5), 0.5, Double.NaN, 1, 0.5, false, 0.5));
        doctor.check(Phase.EVALUATION, log);
        assertThat(doctor.findings()).filteredOn(f -> f.code().equals("DATA_UNSCALED")).singleElement()
                .extracting(Finding::severity).as("the run held its score but not its training").isEqualTo(Severity.ERROR);
    }

    private static RunLog constantPredictions(double bestBaselineMse) {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 5;
        RunLog log = Logs.log(s);
        log.setBaselines(Logs.baselines(1.0, bestBaselineMse, 1.0));
        for (int e = 1; e <= 5; e++) {
            log.addEpoch(epoch(e, 0.99, 0.99, 1.0, 0.01, 1.0));
        }
        log.setEvaluation(new EvaluationSignals(5, "COMPLETED", 0.99, 0.99, 1.0, 0.99, Double.NaN, 5, 0.99, false, 0.99));
        return log;
    }

    @Test
    void predictingTheMeanIsAWarningWhenNoBaselineDoesMuchBetter() {
        assertThat(new PredictsConstantRule().check(constantPredictions(0.5))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(new PredictsConstantRule().check(constantPredictions(0.96))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence().get("best_baseline_gain")).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(f.message()).contains("little to learn");
        });
        assertThat(new PredictsConstantRule().check(constantPredictions(0.96)).get(0).evidence().get("gain_bound")).isEqualTo(0.05);
        assertThat(new PredictsConstantRule().check(constantPredictions(0.95))).as("a 5% gain is enough to learn from")
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void parametersPerRowAreAnInfoFrom30AndAWarningFrom100() {
        Logs.Setup s = new Logs.Setup();
        long parameters = Logs.log(s).setup().parameters();
        s.trainRows = (int) (parameters / 50);
        assertThat(new TooSmallRule().check(Logs.log(s))).singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
        s.trainRows = (int) (parameters / 101);
        assertThat(new TooSmallRule().check(Logs.log(s))).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
        s.trainRows = (int) Math.ceil(parameters / 30.0);
        assertThat(new TooSmallRule().check(Logs.log(s))).as("at most 30 per row").isEmpty();
    }

    private static Finding finding(String code, Severity s, Phase p, Evidence e) {
        return new Finding(code, "r", s, p, null, null, null, code, e, List.of());
    }

    @Test
    void aWarningThatExplainsAnErrorComesBeforeIsolatedWarningsAndAfterAnIsolatedError() {
        Finding outliers = finding("DATA_OUTLIERS", Severity.WARNING, Phase.DATA, Evidence.empty());
        Finding rate = finding("CONFIG_LEARNING_RATE", Severity.WARNING, Phase.CONFIG, Evidence.of("effective_rate", 1e-6)
                .and("usual_high", 0.1));
        Finding under = finding("TRAIN_UNDERFITTING", Severity.ERROR, Phase.EVALUATION, Evidence.empty());
        Finding leak = finding("DATA_TARGET_LEAK", Severity.ERROR, Phase.DATA, Evidence.empty());
        assertThat(Causes.link(List.of(under, outliers, rate))).extracting(Finding::code)
                .containsExactly("CONFIG_LEARNING_RATE", "TRAIN_UNDERFITTING", "DATA_OUTLIERS");
        assertThat(Causes.link(List.of(leak, under, outliers, rate))).extracting(Finding::code)
                .containsExactly("DATA_TARGET_LEAK", "CONFIG_LEARNING_RATE", "TRAIN_UNDERFITTING", "DATA_OUTLIERS");
    }

    private static Severity outliers(Scaling scale, long beyond, boolean target) {
        Logs.Setup s = new Logs.Setup();
        s.scale = scale;
        ColumnProfile c = Logs.withOutliers(numeric("income", 0, 10, 500, 20, 5), new OutlierSummary(40, 10, beyond, 30, 480, 1));
        if (target) {
            c = new ColumnProfile(c.name(), true, true, c.count(), 0, 0, c.distinct(), false, c.summary(), c.outliers(), false, false);
        }
        List<Finding> f = new OutliersRule().check(data(s, List.of(c)));
        return f.isEmpty() ? null : f.get(0).severity();
    }

    @Test
    void heavyTailsAreAWarningOnlyWhenTheyMatter() {
        assertThat(outliers(Scaling.STANDARD, 49, false)).as("49 of 1000 rows, standardized").isEqualTo(Severity.INFO);
        assertThat(outliers(Scaling.STANDARD, 50, false)).as("5% of the rows").isEqualTo(Severity.WARNING);
        assertThat(outliers(Scaling.NONE, 1, false)).isEqualTo(Severity.WARNING);
        assertThat(outliers(Scaling.MINMAX, 1, false)).isEqualTo(Severity.WARNING);
        assertThat(outliers(Scaling.NONE, 50, true)).as("a target's tails: no feature scaling helps").isEqualTo(Severity.INFO);
    }

    private static List<Finding> pixelOutliers(long distinct, boolean integers) {
        Logs.Setup s = new Logs.Setup();
        s.scale = Scaling.MINMAX;
        ColumnProfile p = Logs.withOutliers(numeric("pixel_412", 0, 2, 255, 40, 2), new OutlierSummary(86, 10, 120, 200, 255, 9));
        p = new ColumnProfile(p.name(), false, true, p.count(), 0, 0, distinct, false, p.summary(), p.outliers(), integers, false);
        return new OutliersRule().check(data(s, List.of(p)));
    }

    @Test
    void theExtremesOfADiscreteColumnAreNotATail() {
        assertThat(pixelOutliers(256, true)).as("pixels 0-255, mostly dark, min-max scaled").isEmpty();
        assertThat(pixelOutliers(257, true)).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(pixelOutliers(200, false)).as("not integers").singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }

    private static List<Finding> duplicates(long copies, long conflicting) {
        RunLog log = Logs.log(new Logs.Setup());
        log.setData(new DataSignals("d.csv", 1000, 700, 150, 150, false, List.of(), null, new DuplicateRows(1000, copies, conflicting),
                List.of(), List.of(), List.of(), 0, 0));
        return new DuplicateRowsRule().check(log);
    }

    @Test
    void duplicatesAreAWarningWhenCopiesDisagreeOnTheTarget() {
        assertThat(duplicates(80, 0)).singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
        assertThat(duplicates(80, 9)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.remedies()).containsExactly(Remedy.CHECK_LABELS);
        });
        assertThat(duplicates(80, 10)).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(duplicates(9, 0)).isEmpty();
    }

    private static Severity unseen(long rows, String split) {
        RunLog log = Logs.log(new Logs.Setup());
        log.setData(new DataSignals("d.csv", 1000, 700, 200, 100, false, List.of(), null, new DuplicateRows(1000, 0, 0),
                List.of(new UnseenCategory("country", split, rows, 1, "Holand")), List.of(), List.of(), 0, 0));
        return new UnseenCategoryRule().check(log).get(0).severity();
    }

    @Test
    void unseenCategoriesAreAWarningFromOnePercentOfTheirSplit() {
        assertThat(unseen(1, "validation")).isEqualTo(Severity.INFO);
        assertThat(unseen(2, "validation")).isEqualTo(Severity.WARNING);
        assertThat(unseen(1, "test")).as("1 of 100 test rows").isEqualTo(Severity.WARNING);
    }

    @Test
    void aConstantFeatureIsAnInfoForTriageAndAWarningForAnotherFrameworksScaler() {
        ColumnProfile constant = new ColumnProfile("pixel_0_0", false, true, 1000, 0, 0, 1, false,
                new dev.triage.probe.log.NumericSummary(0, 0, 0, 0, 0, 0, 0, 0), null, true, true);
        RunLog triage = data(new Logs.Setup(), List.of(constant, numeric("x", 0, 1, 2, 1, 1)));
        assertThat(new ConstantFeatureRule().check(triage)).singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
        triage.setOrigin(new RunOrigin("pytorch", "2.4", "MSELoss", "Adam"));
        assertThat(new ConstantFeatureRule().check(triage)).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }

    private static RunLog twoEpochs(double first, double second) {
        Logs.Setup s = new Logs.Setup();
        s.epochs = 2;
        RunLog log = Logs.log(s);
        log.addEpoch(epoch(1, first, first, 0.5, 0.5, 1.0));
        log.addEpoch(epoch(2, second, second, 0.5, 0.5, 1.0));
        log.setEvaluation(new EvaluationSignals(2, "COMPLETED", second, second, 0.5, second, Double.NaN, 2, second, false, second));
        return log;
    }

    @Test
    void aTwoEpochRunStillFallingIsToldToTrainLonger() {
        assertThat(new StillImprovingRule().check(twoEpochs(1.0, 0.96))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.remedies()).containsExactly(Remedy.TRAIN_LONGER);
            assertThat(f.evidence().get("window")).isEqualTo(1);
        });
        assertThat(new StillImprovingRule().check(twoEpochs(1.0, 0.975))).as("a 2.5% drop over one epoch").isEmpty();
    }
}
