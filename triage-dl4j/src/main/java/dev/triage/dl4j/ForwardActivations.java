package dev.triage.dl4j;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The activations DL4J passed to {@code onForwardPass} in the current iteration: a list for a
 * MultiLayerNetwork, a map by vertex name for a ComputationGraph. The recorder holds them from the
 * forward pass to the backward pass and lets go of them there.
 */
final class ForwardActivations {
    private List<INDArray> byIndex;
    private Map<String, INDArray> byName;

    void set(List<INDArray> activations) {
        byIndex = activations;
    }

    void set(Map<String, INDArray> activations) {
        byName = activations;
    }

    void clear() {
        byIndex = null;
        byName = null;
    }

    /** The output of this layer in the current iteration; null when DL4J did not pass it. */
    INDArray of(MappedLayer layer) {
        int index = layer.activationIndex();
        if (byIndex != null && index >= 0 && index < byIndex.size()) {
            return byIndex.get(index);
        }
        if (byName != null && layer.activationKey() != null) {
            return byName.get(layer.activationKey());
        }
        return null;
    }
}
