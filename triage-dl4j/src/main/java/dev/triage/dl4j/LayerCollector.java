package dev.triage.dl4j;

import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Init;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.telemetry.ForeignNames;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Maps DL4J layers, given in forward order, to the dense layers the rules judge. Activation,
 * batch-normalization, loss and dropout layers are folded into the dense layer before them, since
 * to the rules they are properties of that layer; other kinds are noted and left out.
 */
final class LayerCollector {
    private final Model model;
    private final List<MappedLayer> layers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private ILossFunction lossFunction;
    private IUpdater updater;
    private GradientNormalization gradientNormalization = GradientNormalization.NONE;
    private double l1;
    private double l2;
    private double weightDecay;
    private double inputDropout;

    LayerCollector(Model model) {
        this.model = model;
    }

    /**
     * Adds the next layer. {@code prefix} names its parameters; {@code activationIndex} and
     * {@code activationKey} say where {@code onForwardPass} passes its output (-1 / null when not passed).
     */
    void add(Layer layer, String name, String prefix, int activationIndex, String activationKey) {
        foldDropout(layer, name);
        if ((layer instanceof DenseLayer || layer instanceof BaseOutputLayer) && ((BaseLayer) layer).getActivationFn() != null) {
            addDense((BaseLayer) layer, name, prefix, activationIndex, activationKey);
        } else if (layer instanceof LossLayer loss && !layers.isEmpty()) {
            foldLoss(loss);
        } else if (layer instanceof ActivationLayer activation && !layers.isEmpty()) {
            foldActivation(activation, activationIndex, activationKey);
        } else if (layer instanceof BatchNormalization && !layers.isEmpty()) {
            replaceLast(withBatchNorm(last().facts()), -1);
        } else if (!(layer instanceof DropoutLayer)) {
            notes.add("layer '" + name + "' (" + layer.getClass().getSimpleName() + ") is not a dense layer: its signals are"
                    + " not recorded and the layer checks judge only the dense layers");
        }
    }

    /** Adds a note about the network as a whole. */
    void note(String note) {
        notes.add(note);
    }

    /** DL4J drops a layer's input: that is the output of the dense layer before it, or the network's input. */
    private void foldDropout(Layer layer, String name) {
        double drop = Dl4jTerms.dropProbability(layer.getIDropout(), name, notes);
        if (drop <= 0) {
            return;
        }
        if (layers.isEmpty()) {
            inputDropout = Math.max(inputDropout, drop);
        } else {
            LayerFacts f = last().facts();
            replaceLast(withDropout(f, Math.max(f.dropout(), drop)), -1);
        }
    }

    private void addDense(BaseLayer layer, String name, String prefix, int activationIndex, String activationKey) {
        FeedForwardLayer shape = (FeedForwardLayer) layer;
        String activation = Dl4jTerms.activationName(layer.getActivationFn());
        int fanIn = (int) shape.getNIn();
        int units = (int) shape.getNOut();
        INDArray weights = ModelAccess.param(model, prefix + "_W");
        Init init = WeightInitTerms.init(layer.getWeightInitFn(), weights);
        double scale = WeightInitTerms.initScale(layer.getWeightInitFn(), weights, fanIn);
        LayerFacts facts = new LayerFacts(layers.size(), fanIn, units, ForeignNames.activation(activation), 0, false, init, scale,
                name, "dense", activation);
        layers.add(new MappedLayer(facts, prefix, activationIndex, activationKey, layer.getClass().getSimpleName()));
        // the first dense layer's updater stands for the network's (DL4J copies the global one to every layer)
        if (updater == null) {
            updater = layer.getIUpdater();
            gradientNormalization = Dl4jTerms.gradientNormalization(layer.getGradientNormalization());
        }
        addRegularization(layer.getRegularization());
        if (layer instanceof BaseOutputLayer output) {
            lossFunction = output.getLossFn();
        }
    }

    private void foldLoss(LossLayer loss) {
        lossFunction = loss.getLossFn();
        String activation = Dl4jTerms.activationName(loss.getActivationFn());
        if (!activation.equals("identity")) {
            replaceLast(withActivation(last().facts(), activation), -1);
        }
    }

    /** The dense layer's output is now the activation layer's: it is where onForwardPass passes it. */
    private void foldActivation(ActivationLayer layer, int activationIndex, String activationKey) {
        replaceLast(withActivation(last().facts(), Dl4jTerms.activationName(layer.getActivationFn())), activationIndex);
        if (activationKey != null) {
            MappedLayer m = last();
            layers.set(layers.size() - 1, new MappedLayer(m.facts(), m.prefix(), m.activationIndex(), activationKey, m.dl4jType()));
        }
    }

    /** The strongest penalty of each kind over the dense layers. */
    private void addRegularization(List<Regularization> list) {
        if (list == null) {
            return;
        }
        for (Regularization r : list) {
            if (r instanceof L1Regularization x) {
                l1 = Math.max(l1, x.getL1().valueAt(0, 0));
            } else if (r instanceof L2Regularization x) {
                l2 = Math.max(l2, x.getL2().valueAt(0, 0));
            } else if (r instanceof WeightDecay x) {
                weightDecay = Math.max(weightDecay, x.getCoeff().valueAt(0, 0));
            }
        }
    }

    private MappedLayer last() {
        return layers.get(layers.size() - 1);
    }

    /** Replaces the last layer's facts; a negative {@code activationIndex} keeps where its output is passed. */
    private void replaceLast(LayerFacts f, int activationIndex) {
        MappedLayer m = last();
        layers.set(layers.size() - 1, new MappedLayer(f, m.prefix(), activationIndex < 0 ? m.activationIndex() : activationIndex,
                m.activationKey(), m.dl4jType()));
    }

    private static LayerFacts withDropout(LayerFacts f, double dropout) {
        return new LayerFacts(f.index(), f.fanIn(), f.units(), f.activation(), dropout, f.batchNorm(), f.init(), f.initScale(),
                f.name(), f.kind(), f.activationName());
    }

    private static LayerFacts withActivation(LayerFacts f, String activation) {
        return new LayerFacts(f.index(), f.fanIn(), f.units(), ForeignNames.activation(activation), f.dropout(), f.batchNorm(),
                f.init(), f.initScale(), f.name(), f.kind(), activation);
    }

    private static LayerFacts withBatchNorm(LayerFacts f) {
        return new LayerFacts(f.index(), f.fanIn(), f.units(), f.activation(), f.dropout(), true, f.init(), f.initScale(),
                f.name(), f.kind(), f.activationName());
    }

    /** The network's facts; notes when the last dense layer has no loss to judge. */
    NetworkFacts build(String kind, DType dtype) {
        if (!layers.isEmpty() && lossFunction == null) {
            notes.add("the last dense layer is not an output layer with a loss function: the loss checks cannot run");
        }
        return new NetworkFacts(kind, this, dtype);
    }

    Model model() {
        return model;
    }

    List<MappedLayer> layers() {
        return layers;
    }

    List<String> notes() {
        return notes;
    }

    /** The output layer's loss; null when the network has none. */
    ILossFunction lossFunction() {
        return lossFunction;
    }

    /** The first dense layer's updater; null when there is no dense layer. */
    IUpdater updater() {
        return updater;
    }

    GradientNormalization gradientNormalization() {
        return gradientNormalization;
    }

    double l1() {
        return l1;
    }

    double l2() {
        return l2;
    }

    double weightDecay() {
        return weightDecay;
    }

    /** The drop probability on the network's input (dropout on the first dense layer). */
    double inputDropout() {
        return inputDropout;
    }
}
