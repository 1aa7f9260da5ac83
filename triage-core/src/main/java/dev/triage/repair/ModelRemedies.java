package dev.triage.repair;

import static dev.triage.config.ConfigKeys.ACTIVATION;
import static dev.triage.config.ConfigKeys.BATCH_NORM;
import static dev.triage.config.ConfigKeys.BIAS_INIT;
import static dev.triage.config.ConfigKeys.INIT;
import static dev.triage.config.ConfigKeys.INIT_SCALE;
import static dev.triage.config.ConfigKeys.LOSS;
import static dev.triage.config.ConfigKeys.OUTPUT_ACTIVATION;

import dev.triage.config.Activation;
import dev.triage.config.ConfigChange;
import dev.triage.config.Init;
import dev.triage.config.LayerConfig;
import dev.triage.config.Loss;
import dev.triage.config.ModelConfig;
import dev.triage.diagnose.InPlace;
import dev.triage.diagnose.Remedy;

/** Remedies that change the network: activations, initialization, normalization, the output and its loss. */
final class ModelRemedies {
    private ModelRemedies() {
    }

    /** USE_LEAKY_RELU: the model-wide activation and every layer's own ReLU made leaky. */
    record LeakyRelu() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.USE_LEAKY_RELU;
        }

        @Override
        public String describe() {
            return "use leaky ReLU instead of ReLU";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().model().hidden().stream().noneMatch(l -> l.activation() == Activation.RELU);
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            Activation now = c.config().model().activation();
            ConfigChange model = ConfigChange.of(ACTIVATION, now == Activation.RELU ? Activation.LEAKY_RELU : now);
            return c.andHidden(model, c.hidden().stream().map(l -> l.activation() == Activation.RELU
                    ? l.withActivation(Activation.LEAKY_RELU) : l).toList());
        }
    }

    /**
     * USE_HE_INIT and USE_XAVIER_INIT, with zero biases and every layer's own initializer removed:
     * {@code auto} (He for the ReLU family, Xavier otherwise) when that is what the layers want, the named
     * initializer otherwise. In place when the layers already start that way (He uniform is the default for
     * ReLU layers): as the run log says when there is one, else as the configuration says.
     */
    record Initializer(Remedy remedy, Init to) implements RemedyAction {
        @Override
        public String describe() {
            return to == Init.HE_NORMAL ? "initialize weights with He (Kaiming) scaling"
                    : "initialize weights with Xavier (Glorot) scaling";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            ModelConfig m = c.config().model();
            return c.setup() != null ? InPlace.inPlace(remedy, c.setup())
                    : m.init() == to && m.hidden().stream().allMatch(l -> l.init() == m.init()) && m.biasInit() == 0;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            boolean relu = c.config().model().hidden().stream().allMatch(l -> l.activation().isReluFamily());
            boolean autoFits = relu == (to == Init.HE_NORMAL);
            ConfigChange init = ConfigChange.of(INIT, autoFits ? Init.AUTO : to).and(INIT_SCALE, 1.0).and(BIAS_INIT, 0.0);
            return c.andHidden(init, c.hidden().stream().map(l -> l.withInit(null)).toList());
        }
    }

    /** ADD_BATCH_NORM: batch normalization in every hidden layer (no layer switching it off). */
    record BatchNorm() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.ADD_BATCH_NORM;
        }

        @Override
        public String describe() {
            return "add batch normalization to the hidden layers";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            ModelConfig m = c.config().model();
            return m.batchNorm() && m.hidden().stream().allMatch(LayerConfig::batchNorm);
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return c.andHidden(ConfigChange.of(BATCH_NORM, true), c.hidden().stream().map(l -> l.withBatchNorm(null)).toList());
        }
    }

    /** FIX_OUTPUT_AND_LOSS: the task chooses the output activation and the loss. */
    record FixOutputAndLoss() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.FIX_OUTPUT_AND_LOSS;
        }

        @Override
        public String describe() {
            return "let the task choose the output activation and the loss";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            ModelConfig m = c.config().model();
            return m.outputActivation() == Activation.AUTO && m.loss() == Loss.AUTO;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(OUTPUT_ACTIVATION, Activation.AUTO).and(LOSS, Loss.AUTO);
        }
    }
}
