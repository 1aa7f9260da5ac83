package dev.triage.probe.log;

/**
 * How well one feature alone predicts the target on the training split: the absolute Pearson
 * correlation (regression) and the score of the best one-feature rule ({@code singleFeatureScore}: R²
 * of a linear fit for regression, accuracy of the best threshold or category rule for
 * classification), next to the majority-class share.
 */
public record FeatureAssociation(String column, double absCorrelation, double singleFeatureScore, double majorityShare) {
}
