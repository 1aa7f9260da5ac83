package dev.triage.train;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.InvalidInputException;
import dev.triage.config.LayerConfig;
import dev.triage.config.Loss;
import dev.triage.config.ModelConfig;
import dev.triage.config.RunConfig;
import dev.triage.config.TrainingConfig;
import dev.triage.data.TargetSpec;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the {@code auto} choices of a configuration for a concrete task and builds the engine's
 * specs. Regression: identity output, MSE. Classification: two classes get one sigmoid unit with
 * binary cross entropy, more get softmax with cross entropy. Initialization: He for the ReLU family,
 * Xavier otherwise (uniform variants), Xavier for the output layer.
 */
public final class ModelBuilder {
    private ModelBuilder() {
    }

    /** The loss after resolving {@code auto}. */
    public static Loss loss(ModelConfig m, TargetSpec target) {
        if (m.loss() != Loss.AUTO) {
            return m.loss();
        }
        if (!target.isClassification()) {
            return Loss.MSE;
        }
        boolean sigmoid = m.outputActivation() == Activation.SIGMOID;
        boolean twoClasses = target.classCount() == 2 && m.outputActivation() != Activation.SOFTMAX;
        return sigmoid || twoClasses ? Loss.BINARY_CROSS_ENTROPY : Loss.CROSS_ENTROPY;
    }

    /** The output activation after resolving {@code auto}. */
    public static Activation outputActivation(ModelConfig m, TargetSpec target) {
        if (m.outputActivation() != Activation.AUTO) {
            return m.outputActivation();
        }
        if (!target.isClassification()) {
            return Activation.IDENTITY;
        }
        Loss loss = loss(m, target);
        if (loss == Loss.CROSS_ENTROPY) {
            return Activation.SOFTMAX;
        }
        return outputUnits(loss, Activation.SIGMOID, target) == 1 ? Activation.SIGMOID : Activation.SOFTMAX;
    }

    /** One unit for regression and for binary tasks scored per probability; one per class otherwise. */
    public static int outputUnits(Loss loss, Activation out, TargetSpec target) {
        if (!target.isClassification()) {
            return 1;
        }
        int classes = target.classCount();
        if (classes == 2 && loss == Loss.BINARY_CROSS_ENTROPY) {
            return 1;
        }
        if (classes == 2 && !loss.isClassification() && out != Activation.SOFTMAX) {
            return 1;
        }
        return classes;
    }

    /** The network of a configuration for prepared data, with the class weights of its training rows. */
    public static NetworkSpec network(RunConfig cfg, dev.triage.data.PreparedData data) {
        NetworkSpec net = network(cfg, data.target(), data.preprocessor().width());
        int[] labels = data.train().labels();
        if (!cfg.training().classWeights().enabled() || labels == null) {
            return net;
        }
        long[] counts = new long[data.target().classCount()];
        for (int l : labels) {
            if (l >= 0) {
                counts[l]++;
            }
        }
        double[] w = cfg.training().classWeights().resolve(data.target().classes(), counts);
        return new NetworkSpec(net.inputs(), net.layers(), net.loss(), net.leakyReluSlope(), net.seed(), w);
    }

    public static NetworkSpec network(RunConfig cfg, TargetSpec target, int inputs) {
        ModelConfig m = cfg.model();
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerConfig h : m.hidden()) {
            Init init = h.init() == Init.AUTO ? (h.activation().isReluFamily() ? Init.HE_UNIFORM : Init.XAVIER_UNIFORM)
                    : h.init();
            layers.add(new LayerSpec(h.units(), h.activation(), h.dropout(), h.batchNorm(), init, m.initScale(),
                    m.biasInit(), h.learningRateScale()));
        }
        Loss loss = loss(m, target);
        Activation out = outputActivation(m, target);
        Init outInit = m.init() == Init.AUTO ? Init.XAVIER_UNIFORM : m.init();
        layers.add(new LayerSpec(outputUnits(loss, out, target), out, 0, false, outInit, m.initScale(), m.biasInit(), 1));
        NetworkSpec net = new NetworkSpec(inputs, layers, loss, m.leakyReluSlope(), cfg.training().seed());
        requireFits(net, Trainer.batchCapacity(cfg.training(), Integer.MAX_VALUE));
        return net;
    }

    /** The most numbers one engine array may hold (the JVM's array limit, with its usual margin). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Refuses a network the engine cannot hold, counted in 64-bit arithmetic: all parameters live in one
     * array, each layer's weights and each batch buffer in one array of at most {@link #MAX_ARRAY} numbers.
     */
    static void requireFits(NetworkSpec net, int batch) {
        long total = net.parameterCount();
        if (total > MAX_ARRAY) {
            throw new InvalidInputException("model.hidden: " + units(net) + " with " + net.inputs() + " inputs makes "
                    + String.format(java.util.Locale.ROOT, "%,d", total) + " parameters; the engine holds at most "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_ARRAY) + " (one array): use fewer or narrower layers");
        }
        for (int l = 0; l < net.layers().size(); l++) {
            long widest = Math.max(net.fanIn(l), net.layers().get(l).units());
            if ((long) batch * widest > MAX_ARRAY) {
                throw new InvalidInputException("training.batch_size: " + batch + " rows of layer " + (l + 1) + " ("
                        + widest + " wide) make " + String.format(java.util.Locale.ROOT, "%,d", batch * widest)
                        + " numbers in one buffer; the engine holds at most " + String.format(java.util.Locale.ROOT, "%,d",
                        MAX_ARRAY) + ": use a smaller batch or narrower layers");
            }
        }
    }

    private static String units(NetworkSpec net) {
        return net.layers().subList(0, net.layers().size() - 1).stream().map(x -> Integer.toString(x.units()))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    public static OptimizerSpec optimizer(TrainingConfig t) {
        return new OptimizerSpec(t.optimizer(), t.momentum(), t.beta1(), t.beta2(), t.l1(), t.l2(), t.weightDecay(),
                t.gradientNormalization(), t.gradientNormalizationThreshold());
    }
}
