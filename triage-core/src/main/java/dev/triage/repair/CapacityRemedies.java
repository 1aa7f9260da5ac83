package dev.triage.repair;

import static dev.triage.config.ConfigKeys.DROPOUT;
import static dev.triage.config.ConfigKeys.L1;
import static dev.triage.config.ConfigKeys.L2;
import static dev.triage.config.ConfigKeys.WEIGHT_DECAY;

import dev.triage.config.ConfigChange;
import dev.triage.config.LayerConfig;
import dev.triage.config.TrainingConfig;
import dev.triage.config.WrittenLayer;
import dev.triage.diagnose.Remedy;
import java.util.List;

/** Remedies that change how much the network can fit: penalties, dropout and the size of its layers. */
final class CapacityRemedies {
    /** A strong penalty drops to this typical value. */
    static final double TYPICAL_L2 = 1e-4;
    /** A hidden layer made larger gets at least this many units. */
    static final int ROOMY = 32;
    static final int FEWEST_UNITS = 4;
    static final int MOST_UNITS = 1024;

    private CapacityRemedies() {
    }

    /** REDUCE_REGULARIZATION: strong penalties drop to a typical 1e-4 (weight decay above 0.1 to 0.01); others to a tenth. */
    record LessRegularization() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.REDUCE_REGULARIZATION;
        }

        @Override
        public String describe() {
            return "weaken L1/L2/weight decay";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            TrainingConfig t = c.config().training();
            return t.l1() == 0 && t.l2() == 0 && t.weightDecay() == 0;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            TrainingConfig t = c.config().training();
            return ConfigChange.of(L1, weaker(t.l1())).and(L2, weaker(t.l2()))
                    .and(WEIGHT_DECAY, t.weightDecay() > 0.1 ? 0.01 : t.weightDecay() / 10);
        }

        private static double weaker(double v) {
            return v > 1e-3 ? TYPICAL_L2 : v / 10;
        }
    }

    /** ADD_REGULARIZATION: L2 of 1e-3, or ten times the current one up to 1e-2. */
    record MoreRegularization() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.ADD_REGULARIZATION;
        }

        @Override
        public String describe() {
            return "add (or strengthen) L2 regularization";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return next(c) <= c.config().training().l2();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(L2, next(c));
        }

        private static double next(RemedyContext c) {
            double l2 = c.config().training().l2();
            return l2 == 0 ? 1e-3 : Math.min(1e-2, l2 * 10);
        }
    }

    /** REDUCE_DROPOUT: dropout of half or more drops to 0.1, lower dropout is halved (model-wide and per layer). */
    record LessDropout() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.REDUCE_DROPOUT;
        }

        @Override
        public String describe() {
            return "lower the dropout rate";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().model().dropout() == 0 && c.config().model().hidden().stream().allMatch(l -> l.dropout() == 0);
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            List<WrittenLayer> layers = c.hidden().stream()
                    .map(l -> l.dropout() == null ? l : l.withDropout(lower(l.dropout()))).toList();
            return c.andHidden(ConfigChange.of(DROPOUT, lower(c.config().model().dropout())), layers);
        }

        private static double lower(double d) {
            return d >= 0.5 ? 0.1 : d / 2;
        }
    }

    /** ADD_DROPOUT: dropout 0.2 when there is none. */
    record MoreDropout() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.ADD_DROPOUT;
        }

        @Override
        public String describe() {
            return "add dropout 0.2";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().model().dropout() > 0;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(DROPOUT, 0.2);
        }
    }

    /**
     * REDUCE_CAPACITY halves every hidden layer's units (at least {@link #FEWEST_UNITS}); INCREASE_CAPACITY
     * doubles them to at least {@link #ROOMY} and at most {@link #MOST_UNITS}. Only the units change: a layer
     * written as a map keeps its other settings.
     */
    record Capacity(Remedy remedy) implements RemedyAction {
        @Override
        public String describe() {
            return smaller() ? "halve the units of every hidden layer" : "double the units of every hidden layer";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().model().hidden().stream().mapToInt(LayerConfig::units).allMatch(u -> resized(u) == u);
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return c.andHidden(ConfigChange.NONE, c.hidden().stream().map(l -> l.withUnits(resized(l.units()))).toList());
        }

        private boolean smaller() {
            return remedy == Remedy.REDUCE_CAPACITY;
        }

        private int resized(int units) {
            return smaller() ? Math.max(FEWEST_UNITS, units / 2) : Math.min(MOST_UNITS, Math.max(ROOMY, units * 2));
        }
    }
}
