package dev.triage.nn;

import dev.triage.config.Activation;
import dev.triage.config.Loss;
import java.util.List;

/**
 * A whole network: input width, layers (the last one is the output layer), the loss, the leaky-ReLU
 * slope, the seed that initializes the weights and draws dropout masks, and the loss weight of each
 * class ({@code classWeights}, null for an unweighted loss).
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, Loss loss, double leakyReluSlope, long seed,
                          double[] classWeights) {
    /** An unweighted loss. */
    public NetworkSpec(int inputs, List<LayerSpec> layers, Loss loss, double leakyReluSlope, long seed) {
        this(inputs, layers, loss, leakyReluSlope, seed, null);
    }

    public NetworkSpec {
        classWeights = classWeights == null ? null : classWeights.clone();
        layers = List.copyOf(layers);
        if (inputs < 1) {
            throw new IllegalArgumentException("the network needs at least one input feature, got " + inputs);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the network needs an output layer");
        }
        if (loss == Loss.AUTO) {
            throw new IllegalArgumentException("resolve the AUTO loss before building the network");
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i).activation() == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax is only allowed on the output layer");
            }
        }
    }

    public LayerSpec output() {
        return layers.get(layers.size() - 1);
    }

    public int outputs() {
        return output().units();
    }

    /** Input width of layer {@code l}. */
    public int fanIn(int l) {
        return l == 0 ? inputs : layers.get(l - 1).units();
    }

    /** Number of trainable parameters (weights, biases, batch-norm scale and shift). */
    public long parameterCount() {
        long n = 0;
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec s = layers.get(l);
            n += (long) fanIn(l) * s.units() + s.units();
            if (s.batchNorm()) {
                n += 2L * s.units();
            }
        }
        return n;
    }
}
