package dev.triage.repair;

import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Optimizer;
import dev.triage.config.OptimizerProfile;
import dev.triage.config.RunConfig;
import dev.triage.config.ScheduleType;
import dev.triage.config.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Remedies that change the optimizer, its learning rate, the schedule or the length of training. */
final class TrainingRemedies {
    private TrainingRemedies() {
    }

    private static double effective(TrainingConfig t) {
        return t.optimizer().profile().effectiveRate(t.learningRate(), t.momentum());
    }

    /** Far above the optimizer's usual range: its conventional rate; otherwise a tenth. */
    static Optional<RunConfig> lowerRate(RemedyContext c) {
        TrainingConfig t = c.config().training();
        OptimizerProfile p = t.optimizer().profile();
        double next = effective(t) > p.usualHigh() ? Math.min(t.learningRate() / 10, p.conventionalRate())
                : t.learningRate() / 10;
        return next < 1e-7 ? Optional.empty() : Optional.of(c.config().with("training.learning_rate", next));
    }

    /**
     * Below the usual range: the conventional rate; otherwise scaled towards an update:parameter ratio of
     * 1e-3 when the finding measured one (3x to 100x), else 10x.
     */
    static Optional<RunConfig> raiseRate(RemedyContext c) {
        TrainingConfig t = c.config().training();
        OptimizerProfile p = t.optimizer().profile();
        double ratio = c.evidence("update_ratio");
        double factor = Double.isFinite(ratio) && ratio > 0 ? Math.max(3, Math.min(100, 1e-3 / ratio)) : 10;
        double next = effective(t) < p.usualLow() ? p.conventionalRate() : t.learningRate() * factor;
        next = Math.min(next, p.usualHigh());
        return next <= t.learningRate() ? Optional.empty() : Optional.of(c.config().with("training.learning_rate", next));
    }

    static Optional<RunConfig> useAdam(RemedyContext c) {
        if (c.config().training().optimizer().profile().adamFamily()) {
            return Optional.empty();
        }
        return Optional.of(c.config().withAll(Map.of("training.optimizer", "adam", "training.learning_rate",
                Optimizer.ADAM.profile().conventionalRate())));
    }

    static Optional<RunConfig> schedule(RemedyContext c) {
        if (c.config().training().schedule().type() != ScheduleType.CONSTANT) {
            return Optional.empty();
        }
        return Optional.of(c.config().with("training.schedule", Map.of("type", "cosine")));
    }

    static Optional<RunConfig> clip(RemedyContext c) {
        if (c.config().training().gradientNormalization() != GradientNormalization.NONE) {
            return Optional.empty();
        }
        return Optional.of(c.config().withAll(Map.of("training.gradient_normalization", "clip_global_norm",
                "training.gradient_normalization_threshold", 1.0)));
    }

    static Optional<RunConfig> float64(RemedyContext c) {
        return c.config().training().dtype() == DType.FLOAT64 ? Optional.empty()
                : Optional.of(c.config().with("training.dtype", "float64"));
    }

    /**
     * A quarter of the batch when memory is short; otherwise a batch that gives several steps per epoch:
     * 32 rows, or a quarter of the training rows when they are fewer than 128 (a batch that covers the data
     * gets smaller, a batch of one larger).
     */
    static Optional<RunConfig> batchSize(RemedyContext c) {
        int b = c.config().training().batchSize();
        boolean memory = "CONFIG_MEMORY".equals(c.finding().code());
        int rows = c.log() != null && c.log().setup() != null ? c.log().setup().trainRows() : Integer.MAX_VALUE;
        int next = memory ? Math.max(1, b / 4) : (int) Math.max(2, Math.min(32, rows / 4L));
        return next == b ? Optional.empty() : Optional.of(c.config().with("training.batch_size", (long) next));
    }

    /** A cosine schedule from the base rate over the whole run, replacing one that decays too early. */
    static Optional<RunConfig> fixSchedule(RemedyContext c) {
        var s = c.config().training().schedule();
        if (s.type() == ScheduleType.COSINE && s.minLearningRate() == 0) {
            return Optional.empty();
        }
        return Optional.of(c.config().with("training.schedule", Map.of("type", "cosine")));
    }

    /** Balanced class weights (classification only; a no-op when the loss is weighted already). */
    static Optional<RunConfig> reweight(RemedyContext c) {
        boolean classification = c.log() != null && c.log().setup() != null
                && c.log().setup().task() == dev.triage.config.Task.CLASSIFICATION;
        if (!classification || c.config().training().classWeights().enabled()) {
            return Optional.empty();
        }
        return Optional.of(c.config().with("training.class_weights", "balanced"));
    }

    static Optional<RunConfig> earlyStopping(RemedyContext c) {
        TrainingConfig t = c.config().training();
        if (t.earlyStopping() != null && t.earlyStopping().restoreBest()) {
            return Optional.empty();
        }
        Map<String, Object> es = new LinkedHashMap<>();
        es.put("patience", (long) Math.max(10, Math.min(30, t.epochs() / 10)));
        es.put("restore_best", true);
        return Optional.of(c.config().with("training.early_stopping", es));
    }

    static Optional<RunConfig> longer(RemedyContext c) {
        int epochs = c.config().training().epochs();
        return epochs >= 1000 ? Optional.empty() : Optional.of(c.config().with("training.epochs", (long) Math.min(1000, 2 * epochs)));
    }
}
