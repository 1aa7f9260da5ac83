package dev.triage.probe.log;

import java.util.Locale;

/** Kinds of signal a run log may or may not hold; a rule states which it needs. */
public enum Signal {
    /** Model, optimizer and data-size facts. */
    SETUP,
    /** Column profiles and split statistics. */
    DATA,
    /** Scores of the simple baseline models. */
    BASELINES,
    /** Loss and activation statistics of one forward pass before training. */
    INIT,
    /** Training loss per epoch. */
    EPOCH_LOSSES,
    /** Validation loss, metric and prediction spread per epoch. */
    VALIDATION,
    /** Per-layer gradient, weight and update norms. */
    LAYER_GRADIENTS,
    /** Per-layer activation statistics (zero, inactive and saturated units). */
    LAYER_ACTIVATIONS,
    /** The final model's metrics. */
    EVALUATION,
    /** The shapes a loss function was called with (probes of frameworks that broadcast). */
    LOSS_CALLS,
    /** Statistics of the inputs the network received (another framework's probe). */
    INPUTS,
    /** The loss of every optimizer step. */
    STEP_LOSSES;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
