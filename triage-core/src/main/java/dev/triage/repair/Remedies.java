package dev.triage.repair;

import dev.triage.config.RunConfig;
import dev.triage.config.Scaling;
import dev.triage.diagnose.Remedy;
import java.util.Optional;

/**
 * Applies a remedy to a configuration: a pure function returning the changed configuration, or empty
 * when the remedy does not apply (already in place, see {@link dev.triage.diagnose.InPlace}) or cannot
 * be automated (checking labels).
 */
public final class Remedies {
    private Remedies() {
    }

    public static Optional<RunConfig> apply(Remedy r, RemedyContext c) {
        return switch (r) {
            case SCALE_FEATURES -> DataRemedies.scaleFeatures(c, Scaling.STANDARD);
            case ROBUST_SCALE_FEATURES -> DataRemedies.scaleFeatures(c, Scaling.ROBUST);
            case SCALE_TARGET -> DataRemedies.scaleTarget(c);
            case IMPUTE_MISSING -> DataRemedies.impute(c);
            case DROP_CONSTANT_FEATURES -> DataRemedies.dropConstant(c);
            case DROP_LEAKING_FEATURE, DROP_COLUMN -> DataRemedies.dropColumn(c);
            case SHUFFLE_SPLIT -> DataRemedies.shuffle(c);
            case STRATIFY_SPLIT -> DataRemedies.stratify(c);
            case TREAT_OUTLIERS_AS_MISSING -> DataRemedies.sentinelAsMissing(c);
            case LOWER_LEARNING_RATE -> TrainingRemedies.lowerRate(c);
            case RAISE_LEARNING_RATE -> TrainingRemedies.raiseRate(c);
            case USE_ADAM -> TrainingRemedies.useAdam(c);
            case ADD_LR_SCHEDULE -> TrainingRemedies.schedule(c);
            case FIX_LR_SCHEDULE -> TrainingRemedies.fixSchedule(c);
            case REWEIGHT_CLASSES -> TrainingRemedies.reweight(c);
            case CLIP_GRADIENTS -> TrainingRemedies.clip(c);
            case USE_FLOAT64 -> TrainingRemedies.float64(c);
            case CHANGE_BATCH_SIZE -> TrainingRemedies.batchSize(c);
            case EARLY_STOPPING -> TrainingRemedies.earlyStopping(c);
            case TRAIN_LONGER -> TrainingRemedies.longer(c);
            case USE_LEAKY_RELU -> ModelRemedies.leakyRelu(c);
            case USE_HE_INIT -> ModelRemedies.init(c, r, "he_normal");
            case USE_XAVIER_INIT -> ModelRemedies.init(c, r, "xavier_normal");
            case ADD_BATCH_NORM -> ModelRemedies.batchNorm(c);
            case FIX_OUTPUT_AND_LOSS -> ModelRemedies.fixOutput(c);
            case REDUCE_REGULARIZATION -> ModelRemedies.lessRegularization(c);
            case ADD_REGULARIZATION -> ModelRemedies.moreRegularization(c);
            case REDUCE_DROPOUT -> ModelRemedies.lessDropout(c);
            case ADD_DROPOUT -> ModelRemedies.moreDropout(c);
            case REDUCE_CAPACITY -> ModelRemedies.capacity(c, true);
            case INCREASE_CAPACITY -> ModelRemedies.capacity(c, false);
            case CHECK_LABELS, RESHAPE_TARGET -> Optional.empty();
        };
    }

    /** Whether Triage can apply the remedy by itself. */
    public static boolean automatic(Remedy r) {
        return r != Remedy.CHECK_LABELS && r != Remedy.RESHAPE_TARGET;
    }

    /**
     * Remedies that change what the validation score measures (which rows or columns the model sees);
     * they are kept when they resolve their finding without new errors, even if the score gets worse
     * (a model without a leaking column scores worse, and honestly).
     */
    public static boolean changesTheMeasurement(Remedy r) {
        return r == Remedy.DROP_LEAKING_FEATURE || r == Remedy.DROP_COLUMN || r == Remedy.SHUFFLE_SPLIT
                || r == Remedy.STRATIFY_SPLIT;
    }
}
