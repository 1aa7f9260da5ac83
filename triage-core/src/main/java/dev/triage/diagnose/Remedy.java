package dev.triage.diagnose;

/**
 * What can be done about a finding. The names are a public vocabulary (docs/findings.md); the repair
 * loop implements each as a change of the run configuration.
 */
public enum Remedy {
    SCALE_FEATURES, ROBUST_SCALE_FEATURES, SCALE_TARGET, IMPUTE_MISSING, DROP_CONSTANT_FEATURES, DROP_LEAKING_FEATURE,
    SHUFFLE_SPLIT, STRATIFY_SPLIT, REWEIGHT_CLASSES, LOWER_LEARNING_RATE, RAISE_LEARNING_RATE, USE_ADAM,
    ADD_LR_SCHEDULE, CLIP_GRADIENTS, USE_LEAKY_RELU, USE_HE_INIT, USE_XAVIER_INIT, ADD_BATCH_NORM,
    FIX_OUTPUT_AND_LOSS, REDUCE_REGULARIZATION, REDUCE_DROPOUT, ADD_REGULARIZATION, ADD_DROPOUT, EARLY_STOPPING,
    INCREASE_CAPACITY, CHANGE_BATCH_SIZE, USE_FLOAT64, CHECK_LABELS,
    /** Use fewer or smaller hidden layers. */
    REDUCE_CAPACITY,
    /** Treat sentinel values (e.g. 999) as missing and impute them. */
    TREAT_OUTLIERS_AS_MISSING,
    /** Train longer (more epochs). */
    TRAIN_LONGER,
    /** Give prediction and target the same shape before the loss (in the training code: target.view(-1, 1) or pred.squeeze(1)). */
    RESHAPE_TARGET,
    /** Drop the column the finding names (an identifier, free text). */
    DROP_COLUMN,
    /** Replace a schedule that decays too early by one that spans the run (cosine from the base rate). */
    FIX_LR_SCHEDULE
}
