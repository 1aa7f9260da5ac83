package dev.triage.probe.telemetry;

import dev.triage.config.Activation;
import dev.triage.config.ConfigChoice;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the names other frameworks use (PyTorch class names, DL4J and Keras identifiers) to Triage's
 * choices; a name it does not know maps to the {@code OTHER} constant and is carried as written.
 */
final class ForeignNames {
    private static final Map<String, Activation> ACTIVATIONS = Map.ofEntries(
            Map.entry("linear", Activation.IDENTITY), Map.entry("none", Activation.IDENTITY),
            Map.entry("leakyrelu", Activation.LEAKY_RELU), Map.entry("lrelu", Activation.LEAKY_RELU),
            Map.entry("logsoftmax", Activation.SOFTMAX), Map.entry("logsigmoid", Activation.SIGMOID),
            Map.entry("hardtanh", Activation.TANH), Map.entry("hardsigmoid", Activation.SIGMOID),
            Map.entry("relu6", Activation.RELU), Map.entry("selu", Activation.ELU), Map.entry("celu", Activation.ELU));
    private static final Map<String, Loss> LOSSES = Map.ofEntries(
            Map.entry("mseloss", Loss.MSE), Map.entry("mean_squared_error", Loss.MSE), Map.entry("l2", Loss.MSE),
            Map.entry("squared_loss", Loss.MSE), Map.entry("l1loss", Loss.MAE), Map.entry("l1", Loss.MAE),
            Map.entry("mean_absolute_error", Loss.MAE), Map.entry("smoothl1loss", Loss.HUBER), Map.entry("huberloss", Loss.HUBER),
            Map.entry("crossentropyloss", Loss.CROSS_ENTROPY), Map.entry("nllloss", Loss.CROSS_ENTROPY),
            Map.entry("mcxent", Loss.CROSS_ENTROPY), Map.entry("negativeloglikelihood", Loss.CROSS_ENTROPY),
            Map.entry("categorical_crossentropy", Loss.CROSS_ENTROPY),
            Map.entry("sparse_categorical_crossentropy", Loss.CROSS_ENTROPY), Map.entry("bceloss", Loss.BINARY_CROSS_ENTROPY),
            Map.entry("bcewithlogitsloss", Loss.BINARY_CROSS_ENTROPY), Map.entry("xent", Loss.BINARY_CROSS_ENTROPY),
            Map.entry("binary_crossentropy", Loss.BINARY_CROSS_ENTROPY));
    private static final Map<String, Optimizer> OPTIMIZERS = Map.of("nesterovs", Optimizer.NESTEROV,
            "adamax", Optimizer.ADAM, "nadam", Optimizer.ADAM, "lbfgs", Optimizer.LBFGS, "l-bfgs", Optimizer.LBFGS);
    private static final Map<String, Init> INITS = Map.ofEntries(
            Map.entry("relu", Init.HE_NORMAL), Map.entry("kaiming_normal", Init.HE_NORMAL),
            Map.entry("kaiming_uniform", Init.HE_UNIFORM), Map.entry("relu_uniform", Init.HE_UNIFORM),
            Map.entry("xavier", Init.XAVIER_NORMAL), Map.entry("glorot_normal", Init.XAVIER_NORMAL),
            Map.entry("glorot_uniform", Init.XAVIER_UNIFORM), Map.entry("zero", Init.ZEROS), Map.entry("ones", Init.CONSTANT),
            Map.entry("lecun_uniform", Init.LECUN_NORMAL), Map.entry("distribution", Init.NORMAL));

    private ForeignNames() {
    }

    /** "LeakyReLU", "leaky_relu", "LEAKYRELU" all become "leakyrelu"; Triage's own names keep their underscores. */
    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("-", "_");
    }

    static Activation activation(String name) {
        return lookup(name, Activation.class, ACTIVATIONS, Activation.OTHER);
    }

    static Loss loss(String name) {
        return lookup(name, Loss.class, LOSSES, Loss.OTHER);
    }

    static Optimizer optimizer(String name) {
        return lookup(name, Optimizer.class, OPTIMIZERS, Optimizer.OTHER);
    }

    static Init init(String name) {
        return lookup(name, Init.class, INITS, Init.OTHER);
    }

    /** Whether a loss applies the output's softmax or sigmoid itself, so the last layer's own activation is identity. */
    static boolean lossTakesLogits(String name) {
        if (name == null) {
            return false; // a run record without a loss (found by fuzzing: it threw a NullPointerException)
        }
        String k = key(name).replace("_", "");
        return k.equals("crossentropyloss") || k.equals("bcewithlogitsloss");
    }

    private static <E extends Enum<E> & ConfigChoice> E lookup(String name, Class<E> type, Map<String, E> aliases, E other) {
        if (name == null || name.isBlank()) {
            return other;
        }
        String k = key(name);
        E own = ConfigChoice.parse(type, k);
        if (own != null && !k.equals("auto")) {
            return own;
        }
        E alias = aliases.get(k);
        if (alias == null) {
            alias = aliases.get(k.replace("_", ""));
        }
        return alias != null ? alias : other;
    }
}
