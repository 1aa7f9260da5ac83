package dev.triage.probe.log;

import java.util.Locale;

/** The first step at which a loss, activation, gradient or weight was NaN or infinite, and where. */
public record NonFiniteEvent(int epoch, long step, int layer, Quantity quantity, double lastFiniteLoss) {
    /** What became non-finite. */
    public enum Quantity {
        LOSS, ACTIVATION, GRADIENT, WEIGHT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
