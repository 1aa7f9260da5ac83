package dev.triage.repair;

import dev.triage.diagnose.Remedy;

/**
 * Each remedy in words: what it changes, for the docs, for runs trained elsewhere (where a Triage
 * setting means nothing) and for remedies that are work in the data or the training code.
 */
public final class RemedyText {
    private RemedyText() {
    }

    public static String describe(Remedy r) {
        return switch (r) {
            case SCALE_FEATURES -> "standardize the features (mean 0, standard deviation 1)";
            case ROBUST_SCALE_FEATURES -> "scale the features by median and interquartile range, which outliers do not distort";
            case SCALE_TARGET -> "standardize the regression target (predictions are mapped back to its units)";
            case IMPUTE_MISSING -> "fill missing values (median of the training split)";
            case DROP_CONSTANT_FEATURES -> "drop the features that are constant in the training split";
            case DROP_LEAKING_FEATURE -> "drop the column that gives the target away";
            case DROP_COLUMN -> "drop the column (an identifier or free text carries no pattern to learn)";
            case SHUFFLE_SPLIT -> "shuffle the rows before splitting them";
            case STRATIFY_SPLIT -> "shuffle and stratify the split by class";
            case TREAT_OUTLIERS_AS_MISSING -> "read the sentinel value as missing and impute it";
            case LOWER_LEARNING_RATE -> "lower the learning rate (to the optimizer's usual rate when far above it, else a tenth)";
            case RAISE_LEARNING_RATE -> "raise the learning rate (towards updates of about a thousandth of the weights)";
            case USE_ADAM -> "train with Adam at its usual rate 0.001";
            case ADD_LR_SCHEDULE -> "decay the learning rate over the run (cosine schedule)";
            case FIX_LR_SCHEDULE -> "replace the schedule that drives the rate to almost nothing with a cosine decay over the run";
            case CLIP_GRADIENTS -> "clip the global gradient norm at 1";
            case USE_FLOAT64 -> "compute in double precision";
            case CHANGE_BATCH_SIZE -> "change the batch size (32, or a quarter when memory is short)";
            case EARLY_STOPPING -> "stop when the validation loss stops improving and restore the best epoch's weights";
            case TRAIN_LONGER -> "train for twice as many epochs";
            case USE_LEAKY_RELU -> "use leaky ReLU instead of ReLU";
            case USE_HE_INIT -> "initialize weights with He (Kaiming) scaling";
            case USE_XAVIER_INIT -> "initialize weights with Xavier (Glorot) scaling";
            case ADD_BATCH_NORM -> "add batch normalization to the hidden layers";
            case FIX_OUTPUT_AND_LOSS -> "let the task choose the output activation and the loss";
            case REDUCE_REGULARIZATION -> "weaken L1/L2/weight decay";
            case ADD_REGULARIZATION -> "add (or strengthen) L2 regularization";
            case REDUCE_DROPOUT -> "lower the dropout rate";
            case ADD_DROPOUT -> "add dropout 0.2";
            case REDUCE_CAPACITY -> "halve the units of every hidden layer";
            case INCREASE_CAPACITY -> "double the units of every hidden layer";
            case REWEIGHT_CLASSES -> "weight the loss by inverse class frequency (or resample the rare classes)";
            case CHECK_LABELS -> "in the data: check the target column (shuffled, mis-joined or mislabelled rows); no setting fixes labels";
            case RESHAPE_TARGET -> "in the training code: give prediction and target the same shape before the loss"
                    + " (target.view(-1, 1) or pred.squeeze(1))";
        };
    }
}
