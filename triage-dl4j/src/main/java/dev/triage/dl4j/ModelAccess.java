package dev.triage.dl4j;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads from a DL4J model that tolerate what some models do not have. */
final class ModelAccess {
    private ModelAccess() {
    }

    /** A parameter array by DL4J key ({@code "0_W"}, {@code "dense_b"}); null when the model has none. */
    static INDArray param(Model model, String key) {
        try {
            return model.getParam(key);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the model trains on mini-batches (its gradient is then summed over the batch's rows). */
    static boolean miniBatch(Model model) {
        try {
            return model.conf() == null || model.conf().isMiniBatch();
        } catch (RuntimeException e) {
            return true;
        }
    }
}
