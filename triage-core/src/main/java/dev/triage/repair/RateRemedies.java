package dev.triage.repair;

import static dev.triage.config.ConfigKeys.LEARNING_RATE;
import static dev.triage.config.ConfigKeys.OPTIMIZER;
import static dev.triage.config.ConfigKeys.SCHEDULE;

import dev.triage.config.ConfigChange;
import dev.triage.config.Optimizer;
import dev.triage.config.OptimizerProfile;
import dev.triage.config.ScheduleConfig;
import dev.triage.config.ScheduleType;
import dev.triage.config.TrainingConfig;
import dev.triage.diagnose.Remedy;

/** Remedies that change the optimizer, its learning rate or the schedule of the rate. */
final class RateRemedies {
    /** A rate below this is not a remedy any more but a run that does not move. */
    static final double LOWEST_RATE = 1e-7;

    private RateRemedies() {
    }

    private static double effective(TrainingConfig t) {
        return t.optimizer().profile().effectiveRate(t.learningRate(), t.momentum());
    }

    /** LOWER_LEARNING_RATE: far above the optimizer's usual range its conventional rate, otherwise a tenth. */
    record LowerRate() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.LOWER_LEARNING_RATE;
        }

        @Override
        public String describe() {
            return "lower the learning rate (to the optimizer's usual rate when far above it, else a tenth)";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return next(c.config().training()) < LOWEST_RATE;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(LEARNING_RATE, next(c.config().training()));
        }

        private static double next(TrainingConfig t) {
            OptimizerProfile p = t.optimizer().profile();
            return effective(t) > p.usualHigh() ? Math.min(t.learningRate() / 10, p.conventionalRate()) : t.learningRate() / 10;
        }
    }

    /**
     * RAISE_LEARNING_RATE: below the usual range the conventional rate; otherwise scaled towards an
     * update:parameter ratio of 1e-3 when the finding measured one (3x to 100x), else 10x; at most the top
     * of the usual range.
     */
    record RaiseRate() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.RAISE_LEARNING_RATE;
        }

        @Override
        public String describe() {
            return "raise the learning rate (towards updates of about a thousandth of the weights)";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return next(c) <= c.config().training().learningRate();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(LEARNING_RATE, next(c));
        }

        private static double next(RemedyContext c) {
            TrainingConfig t = c.config().training();
            OptimizerProfile p = t.optimizer().profile();
            double ratio = c.evidence("update_ratio");
            double factor = Double.isFinite(ratio) && ratio > 0 ? Math.max(3, Math.min(100, 1e-3 / ratio)) : 10;
            double next = effective(t) < p.usualLow() ? p.conventionalRate() : t.learningRate() * factor;
            return Math.min(next, p.usualHigh());
        }
    }

    /** USE_ADAM: Adam at its conventional rate. */
    record UseAdam() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.USE_ADAM;
        }

        @Override
        public String describe() {
            return "train with Adam at its usual rate " + Optimizer.ADAM.profile().conventionalRate();
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().training().optimizer().profile().adamFamily();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(OPTIMIZER, Optimizer.ADAM).and(LEARNING_RATE, Optimizer.ADAM.profile().conventionalRate());
        }
    }

    /**
     * ADD_LR_SCHEDULE (when the rate is constant) and FIX_LR_SCHEDULE (replacing a schedule that decays too
     * early, unless it is cosine to 0 already): a cosine schedule from the base rate over the whole run.
     */
    record CosineSchedule(Remedy remedy) implements RemedyAction {
        @Override
        public String describe() {
            return remedy == Remedy.ADD_LR_SCHEDULE ? "decay the learning rate over the run (cosine schedule)"
                    : "replace the schedule that drives the rate to almost nothing with a cosine decay over the run";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            ScheduleConfig s = c.config().training().schedule();
            return remedy == Remedy.ADD_LR_SCHEDULE ? s.type() != ScheduleType.CONSTANT
                    : s.type() == ScheduleType.COSINE && s.minLearningRate() == 0;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(SCHEDULE, ScheduleType.COSINE);
        }
    }
}
