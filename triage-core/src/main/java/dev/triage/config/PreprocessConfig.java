package dev.triage.config;

/** {@code data.preprocess}: transforms fitted on the training split only and stored with the model. */
public record PreprocessConfig(Scaling scale, TargetScaling scaleTarget, Imputation impute, CategoricalEncoding categorical) {
}
