package dev.triage.probe.log;

/**
 * How well one feature alone predicts the target on the training split: the absolute Pearson
 * correlation (regression) and the score of the best one-feature rule ({@code singleFeatureScore}: R²
 * of a linear fit for regression, accuracy of the best threshold or category rule for
 * classification), next to the majority-class share; {@code scoredRows} is how many held-out rows the
 * one-feature rules were scored on (0 when unknown).
 */
public record FeatureAssociation(String column, double absCorrelation, double singleFeatureScore, double majorityShare,
                                 int scoredRows) {
    /** Without the number of held-out rows the score was measured on (unknown: 0). */
    public FeatureAssociation(String column, double absCorrelation, double singleFeatureScore, double majorityShare) {
        this(column, absCorrelation, singleFeatureScore, majorityShare, 0);
    }
}
