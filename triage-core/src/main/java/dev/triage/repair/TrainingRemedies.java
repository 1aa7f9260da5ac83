package dev.triage.repair;

import static dev.triage.config.ConfigKeys.BATCH_SIZE;
import static dev.triage.config.ConfigKeys.CLASS_WEIGHTS;
import static dev.triage.config.ConfigKeys.DTYPE;
import static dev.triage.config.ConfigKeys.EARLY_STOPPING;
import static dev.triage.config.ConfigKeys.EPOCHS;
import static dev.triage.config.ConfigKeys.GRADIENT_NORMALIZATION;
import static dev.triage.config.ConfigKeys.GRADIENT_NORMALIZATION_THRESHOLD;

import dev.triage.config.ClassWeights;
import dev.triage.config.ConfigChange;
import dev.triage.config.DType;
import dev.triage.config.EarlyStoppingConfig;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Task;
import dev.triage.config.TrainingConfig;
import dev.triage.diagnose.Remedy;

/** Remedies that change how training runs: gradients, precision, batches, its length, class weights. */
final class TrainingRemedies {
    /** TRAIN_LONGER stops doubling here. */
    static final int MOST_EPOCHS = 1000;

    private TrainingRemedies() {
    }

    /** CLIP_GRADIENTS: clip the global gradient norm at 1. */
    record ClipGradients() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.CLIP_GRADIENTS;
        }

        @Override
        public String describe() {
            return "clip the global gradient norm at 1";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().training().gradientNormalization() != GradientNormalization.NONE;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(GRADIENT_NORMALIZATION, GradientNormalization.CLIP_GLOBAL_NORM)
                    .and(GRADIENT_NORMALIZATION_THRESHOLD, 1.0);
        }
    }

    /** USE_FLOAT64: compute in double precision. */
    record Float64() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.USE_FLOAT64;
        }

        @Override
        public String describe() {
            return "compute in double precision";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().training().dtype() == DType.FLOAT64;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(DTYPE, DType.FLOAT64);
        }
    }

    /**
     * CHANGE_BATCH_SIZE: a quarter of the batch when memory is short (CONFIG_MEMORY); otherwise a batch that
     * gives several steps per epoch: 32 rows, or a quarter of the training rows when they are fewer than 128
     * (a batch that covers the data gets smaller, a batch of one larger).
     */
    record BatchSize() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.CHANGE_BATCH_SIZE;
        }

        @Override
        public String describe() {
            return "change the batch size (32, or a quarter when memory is short)";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return next(c) == c.config().training().batchSize();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(BATCH_SIZE, next(c));
        }

        private static int next(RemedyContext c) {
            int b = c.config().training().batchSize();
            boolean memory = "CONFIG_MEMORY".equals(c.finding().code());
            int rows = c.setup() != null ? c.setup().trainRows() : Integer.MAX_VALUE;
            return memory ? Math.max(1, b / 4) : (int) Math.max(2, Math.min(32, rows / 4L));
        }
    }

    /** EARLY_STOPPING: patience of a tenth of the epochs (10 to 30), restoring the best epoch's weights. */
    record EarlyStopping() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.EARLY_STOPPING;
        }

        @Override
        public String describe() {
            return "stop when the validation loss stops improving and restore the best epoch's weights";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            EarlyStoppingConfig es = c.config().training().earlyStopping();
            return es != null && es.restoreBest();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            int patience = Math.max(10, Math.min(30, c.config().training().epochs() / 10));
            return ConfigChange.of(EARLY_STOPPING, new EarlyStoppingConfig(patience, 0.0, true));
        }
    }

    /** TRAIN_LONGER: twice the epochs, at most {@link #MOST_EPOCHS}. */
    record TrainLonger() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.TRAIN_LONGER;
        }

        @Override
        public String describe() {
            return "train for twice as many epochs";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().training().epochs() >= MOST_EPOCHS;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(EPOCHS, Math.min(MOST_EPOCHS, 2 * c.config().training().epochs()));
        }
    }

    /** REWEIGHT_CLASSES: balanced class weights (classification only). */
    record ReweightClasses() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.REWEIGHT_CLASSES;
        }

        @Override
        public String describe() {
            return "weight the loss by inverse class frequency (or resample the rare classes)";
        }

        @Override
        public boolean appliesTo(RemedyContext c) {
            return c.task() == Task.CLASSIFICATION;
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            TrainingConfig t = c.config().training();
            return t.classWeights().enabled();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(CLASS_WEIGHTS, ClassWeights.Mode.BALANCED);
        }
    }
}
