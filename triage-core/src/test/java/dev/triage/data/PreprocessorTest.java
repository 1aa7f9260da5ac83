package dev.triage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.config.CategoricalEncoding;
import dev.triage.config.DataConfig;
import dev.triage.config.Imputation;
import dev.triage.config.PreprocessConfig;
import dev.triage.config.Scaling;
import dev.triage.config.SplitConfig;
import dev.triage.config.Stratify;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static final int[] ALL = {0, 1, 2, 3};

    private static Table table() {
        return new Table("t.csv", List.of(
                new NumericColumn("x", new double[] {1, 2, 3, Double.NaN}),
                new NumericColumn("k", new double[] {5, 5, 5, 5}),
                new CategoricalColumn("c", new int[] {0, 1, 0, -1}, List.of("red", "blue")),
                new NumericColumn("y", new double[] {10, 20, 30, 40})), 4);
    }

    private static TargetSpec regression() {
        return new TargetSpec("y", Task.REGRESSION, List.of(), 4, true);
    }

    private static Preprocessor fit(Scaling s, Imputation i, CategoricalEncoding c) {
        return PreprocessorFitter.fit(table(), new int[] {0, 1, 2, 3}, List.of("x", "k", "c"), regression(),
                new PreprocessConfig(s, TargetScaling.STANDARD, i, c));
    }

    @Test
    void standardScalingUsesTrainingMeanAndStdAndGuardsConstants() {
        Preprocessor p = fit(Scaling.STANDARD, Imputation.MEAN, CategoricalEncoding.ONEHOT);
        FeatureEncoding x = p.features().get(0);
        assertThat(x.center()).isEqualTo(2.0);
        assertThat(x.scale()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(x.fill()).isEqualTo(2.0);
        assertThat(p.features().get(1).scale()).isEqualTo(1.0);
        Encoded e = p.transform(table(), true);
        assertThat(e.features()).isEqualTo(4);
        assertThat(e.x()[0]).isCloseTo(-1 / Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(e.x()[3 * 4]).isEqualTo(0.0);
        assertThat(e.x()[1]).isEqualTo(0.0);
        assertThat(e.y()).containsExactly(-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738);
    }

    @Test
    void minMaxAndRobustScalers() {
        FeatureEncoding mm = fit(Scaling.MINMAX, Imputation.MEDIAN, CategoricalEncoding.ONEHOT).features().get(0);
        assertThat(mm.center()).isEqualTo(1.0);
        assertThat(mm.scale()).isEqualTo(2.0);
        FeatureEncoding rb = fit(Scaling.ROBUST, Imputation.MEDIAN, CategoricalEncoding.ONEHOT).features().get(0);
        assertThat(rb.center()).isEqualTo(2.0);
        assertThat(rb.scale()).isEqualTo(1.0);
    }

    /**
     * Each scaler through {@link Preprocessor#transform}, on x = 2.75 (fitted on x = 1, 2, 3): standard
     * (2.75 - 2) / sqrt(2/3), min-max (2.75 - 1) / 2, robust (2.75 - 2) / 1 (median 2, IQR 1), none 2.75;
     * the target 33 standardized with mean 25 and population std sqrt(125), and back.
     */
    @Test
    void eachScalerTransformsAValueAsComputedByHand() {
        Table one = new Table("new.csv", List.of(new NumericColumn("x", new double[] {2.75}), new NumericColumn("k", new double[] {5}),
                new CategoricalColumn("c", new int[] {0}, List.of("red")), new NumericColumn("y", new double[] {33})), 1);
        double[] expected = {0.75 / Math.sqrt(2.0 / 3), 0.875, 0.75, 2.75};
        Scaling[] scalings = {Scaling.STANDARD, Scaling.MINMAX, Scaling.ROBUST, Scaling.NONE};
        for (int i = 0; i < scalings.length; i++) {
            Encoded e = fit(scalings[i], Imputation.NONE, CategoricalEncoding.ONEHOT).transform(one, true);
            assertThat(e.x()[0]).as(scalings[i].name()).isCloseTo(expected[i], within(1e-15));
        }
        Preprocessor p = fit(Scaling.STANDARD, Imputation.NONE, CategoricalEncoding.ONEHOT);
        assertThat(p.transform(one, true).y()).containsExactly(8 / Math.sqrt(125));
        assertThat(p.targetEncoding().toOriginal(8 / Math.sqrt(125))).isCloseTo(33, within(1e-12));
        assertThat(p.targetEncoding().toOriginal(1)).isCloseTo(25 + Math.sqrt(125), within(1e-12));
    }

    @Test
    void oneHotEncodesUnknownCategoriesAsZerosAndCountsThem() {
        Preprocessor p = fit(Scaling.NONE, Imputation.MOST_FREQUENT, CategoricalEncoding.ONEHOT);
        assertThat(p.inputNames()).containsExactly("x", "k", "c=blue", "c=red");
        Table other = new Table("new.csv", List.of(new NumericColumn("x", new double[] {1}),
                new NumericColumn("k", new double[] {5}), new CategoricalColumn("c", new int[] {0}, List.of("green"))), 1);
        Encoded e = p.transform(other, false);
        assertThat(e.unknownCategories()).isEqualTo(1);
        assertThat(e.x()).containsExactly(1, 5, 0, 0);
        Encoded missingRow = p.transform(table(), false);
        assertThat(missingRow.x()[3 * 4 + 3]).as("missing category imputed with the most frequent (red)").isEqualTo(1.0);
    }

    @Test
    void ordinalEncodingUsesLevelIndices() {
        Preprocessor p = fit(Scaling.NONE, Imputation.NONE, CategoricalEncoding.ORDINAL);
        Encoded e = p.transform(table(), false);
        assertThat(e.features()).isEqualTo(3);
        assertThat(e.x()[2]).isEqualTo(1.0);
        assertThat(e.x()[5]).isEqualTo(0.0);
        assertThat(e.x()[11]).isNaN();
    }

    @Test
    void preparationFitsOnTheTrainingRowsOnly() {
        DataConfig cfg = new DataConfig(java.nio.file.Path.of("t.csv"), "y", Task.AUTO, null, dev.triage.config.Separator.AUTO,
                List.of(""), null, List.of(), new SplitConfig(0.25, 0.25, false, Stratify.AUTO, 1),
                new PreprocessConfig(Scaling.STANDARD, TargetScaling.AUTO, Imputation.MEDIAN, CategoricalEncoding.ONEHOT));
        PreparedData d = DataPreparation.prepare(cfg, table(), null);
        assertThat(d.split().train()).containsExactly(0, 1);
        assertThat(d.preprocessor().features().get(0).center()).isEqualTo(1.5);
        assertThat(d.target().task()).isEqualTo(Task.REGRESSION);
    }
}
