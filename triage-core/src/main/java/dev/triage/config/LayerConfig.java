package dev.triage.config;

/**
 * One hidden layer after defaults were applied: {@code model.hidden} entries inherit the model-wide
 * activation, dropout, init and batch norm unless they set their own.
 */
public record LayerConfig(int units, Activation activation, double dropout, Init init, boolean batchNorm,
                          double learningRateScale) {
}
