package dev.triage.repair;

import dev.triage.config.Activation;
import dev.triage.config.LayerConfig;
import dev.triage.config.ModelConfig;
import dev.triage.config.RunConfig;
import dev.triage.config.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Remedies that change the network: activations, initialization, normalization, regularization, size. */
final class ModelRemedies {
    static final double TYPICAL_L2 = 1e-4;
    /** A hidden layer made larger gets at least this many units. */
    static final int ROOMY = 32;

    private ModelRemedies() {
    }

    static Optional<RunConfig> leakyRelu(RemedyContext c) {
        boolean relu = c.config().model().hidden().stream().anyMatch(l -> l.activation() == Activation.RELU);
        if (!relu) {
            return Optional.empty();
        }
        List<Object> hidden = c.hiddenWith("activation", a -> "relu".equals(a) ? "leaky_relu" : a);
        Object act = c.config().model().activation() == Activation.RELU ? "leaky_relu" : c.config().model().activation().configName();
        return Optional.of(c.config().withAll(Map.of("model.activation", act, "model.hidden", hidden)));
    }

    /**
     * He (or Xavier) initialization with zero biases: {@code auto}, which picks He for the ReLU family and
     * Xavier otherwise, when that is what the layers want; the named initializer otherwise. Nothing when
     * the layers already start that way (He uniform is the default for ReLU layers).
     */
    static Optional<RunConfig> init(RemedyContext c, dev.triage.diagnose.Remedy remedy, String to) {
        ModelConfig m = c.config().model();
        boolean inPlace = c.log() != null && c.log().setup() != null
                ? dev.triage.diagnose.InPlace.inPlace(remedy, c.log().setup())
                : m.init().configName().equals(to) && m.hidden().stream().allMatch(l -> l.init() == m.init()) && m.biasInit() == 0;
        if (inPlace) {
            return Optional.empty();
        }
        boolean relu = m.hidden().stream().allMatch(l -> l.activation().isReluFamily());
        boolean autoFits = relu == to.startsWith("he_");
        return Optional.of(c.config().withAll(Map.of("model.init", autoFits ? "auto" : to, "model.init_scale", 1.0,
                "model.bias_init", 0.0, "model.hidden", c.hiddenWithout("init"))));
    }

    static Optional<RunConfig> batchNorm(RemedyContext c) {
        ModelConfig m = c.config().model();
        if (m.batchNorm() && m.hidden().stream().allMatch(LayerConfig::batchNorm)) {
            return Optional.empty();
        }
        return Optional.of(c.config().withAll(Map.of("model.batch_norm", true, "model.hidden", c.hiddenWithout("batch_norm"))));
    }

    static Optional<RunConfig> fixOutput(RemedyContext c) {
        ModelConfig m = c.config().model();
        if (m.outputActivation() == Activation.AUTO && m.loss() == dev.triage.config.Loss.AUTO) {
            return Optional.empty();
        }
        return Optional.of(c.config().withAll(Map.of("model.output_activation", "auto", "model.loss", "auto")));
    }

    /** Strong penalties drop to a typical 1e-4; moderate ones to a tenth. */
    static Optional<RunConfig> lessRegularization(RemedyContext c) {
        TrainingConfig t = c.config().training();
        if (t.l1() == 0 && t.l2() == 0 && t.weightDecay() == 0) {
            return Optional.empty();
        }
        return Optional.of(c.config().withAll(Map.of("training.l1", reduce(t.l1()), "training.l2", reduce(t.l2()),
                "training.weight_decay", t.weightDecay() > 0.1 ? 0.01 : t.weightDecay() / 10)));
    }

    private static double reduce(double v) {
        return v > 1e-3 ? TYPICAL_L2 : v / 10;
    }

    static Optional<RunConfig> moreRegularization(RemedyContext c) {
        double l2 = c.config().training().l2();
        double next = l2 == 0 ? 1e-3 : Math.min(1e-2, l2 * 10);
        return next <= l2 ? Optional.empty() : Optional.of(c.config().with("training.l2", next));
    }

    /** Dropout of half or more drops to 0.1; lower dropout is halved (per-layer values too). */
    static Optional<RunConfig> lessDropout(RemedyContext c) {
        double d = c.config().model().dropout();
        boolean any = d > 0 || c.config().model().hidden().stream().anyMatch(l -> l.dropout() > 0);
        if (!any) {
            return Optional.empty();
        }
        List<Object> hidden = c.hiddenWith("dropout", v -> lower(((Number) v).doubleValue()));
        return Optional.of(c.config().withAll(Map.of("model.dropout", lower(d), "model.hidden", hidden)));
    }

    private static double lower(double d) {
        return d >= 0.5 ? 0.1 : d / 2;
    }

    static Optional<RunConfig> moreDropout(RemedyContext c) {
        return c.config().model().dropout() > 0 ? Optional.empty() : Optional.of(c.config().with("model.dropout", 0.2));
    }

    /**
     * Halves every hidden layer's units (at least 4), or doubles them to at least {@link #ROOMY} (at most
     * 1024). A layer written as a map keeps its other settings: only its units change.
     */
    static Optional<RunConfig> capacity(RemedyContext c, boolean smaller) {
        boolean changed = false;
        for (LayerConfig l : c.config().model().hidden()) {
            changed |= resized(l.units(), smaller) != l.units();
        }
        return changed ? Optional.of(c.config().with("model.hidden", c.hiddenUnits(u -> resized(u, smaller))))
                : Optional.empty();
    }

    private static int resized(int units, boolean smaller) {
        return smaller ? Math.max(4, units / 2) : Math.min(1024, Math.max(ROOMY, units * 2));
    }
}
