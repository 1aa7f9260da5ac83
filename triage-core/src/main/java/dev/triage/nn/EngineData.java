package dev.triage.nn;

/**
 * A data set copied into an engine's precision: features (rows x inputs) and targets (rows x outputs
 * values for regression-style losses, class labels for classification losses). Created by
 * {@link Engine#upload}; only usable with the engine that made it.
 */
public interface EngineData {
    int rows();

    int features();
}
