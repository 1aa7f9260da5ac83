package dev.triage.dl4j;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.telemetry.ForeignNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.nn.weights.WeightInitLecunUniform;
import org.deeplearning4j.nn.weights.WeightInitNormal;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.nn.weights.WeightInitReluUniform;
import org.deeplearning4j.nn.weights.WeightInitUniform;
import org.deeplearning4j.nn.weights.WeightInitVarScalingNormalFanIn;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What the listener reads from a DL4J network's configuration: its dense layers in forward order (the
 * last one the output layer), the loss, the updater, regularization and data type, in the terms the
 * rules judge. DL4J's dropout argument is the probability of <em>retaining</em> an input and is
 * applied to a layer's input; it is converted to a drop probability (1 - retain) on the layer whose
 * output it drops. Layers that are not dense (convolutions, recurrent layers, ...) are listed in
 * {@link #notes()} and left out.
 */
final class NetworkFacts {
    /**
     * One dense layer: the facts the rules judge, its parameter prefix in DL4J's parameter and gradient
     * tables ({@code "0"} for {@code "0_W"} in a MultiLayerNetwork, the vertex name in a graph), where
     * its activations are in {@code onForwardPass} (list index or map key; -1 / null when not passed),
     * and its DL4J class name.
     */
    record Mapped(LayerFacts facts, String prefix, int activationIndex, String activationKey, String dl4jType) {
        String weightKey() {
            return prefix + "_W";
        }

        String biasKey() {
            return prefix + "_b";
        }
    }

    final String kind;
    final List<Mapped> layers;
    final String lossName;
    final Loss loss;
    final String updaterName;
    final Optimizer optimizer;
    final IUpdater updater;
    final double momentum;
    final double l1;
    final double l2;
    final double weightDecay;
    final GradientNormalization gradientNormalization;
    final DType dtype;
    final long parameters;
    final double inputDropout;
    final List<String> notes;

    private NetworkFacts(String kind, List<Mapped> layers, ILossFunction lossFn, IUpdater updater, double[] reg,
                         GradientNormalization gn, DType dtype, long parameters, double inputDropout, List<String> notes) {
        this.kind = kind;
        this.layers = List.copyOf(layers);
        this.lossName = lossName(lossFn);
        this.loss = lossName == null ? Loss.OTHER : ForeignNames.loss(lossName);
        this.updater = updater;
        this.updaterName = updater == null ? null : updater.getClass().getSimpleName();
        this.optimizer = updaterName == null ? Optimizer.OTHER : ForeignNames.optimizer(updaterName.toLowerCase(Locale.ROOT));
        this.momentum = updater instanceof Nesterovs n ? n.getMomentum() : 0;
        this.l1 = reg[0];
        this.l2 = reg[1];
        this.weightDecay = reg[2];
        this.gradientNormalization = gn;
        this.dtype = dtype;
        this.parameters = parameters;
        this.inputDropout = inputDropout;
        this.notes = List.copyOf(notes);
    }

    /** The learning rate the updater uses at this iteration and epoch (NaN when it has none). */
    double learningRate(int iteration, int epoch) {
        try {
            return updater != null && updater.hasLearningRate() ? updater.getLearningRate(iteration, epoch) : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static NetworkFacts read(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            return ofList(net);
        }
        if (model instanceof ComputationGraph graph) {
            return ofGraph(graph);
        }
        return new NetworkFacts(model.getClass().getSimpleName(), List.of(), null, null, new double[3],
                GradientNormalization.NONE, DType.FLOAT32, model.numParams(), 0,
                List.of("a " + model.getClass().getSimpleName() + " is neither a MultiLayerNetwork nor a ComputationGraph:"
                        + " only its loss per iteration was recorded"));
    }

    /** Accumulates layers in forward order, folding activation, batch-norm and dropout layers into the dense layer before them. */
    private static final class Collector {
        final List<Mapped> out = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        ILossFunction lossFn;
        IUpdater updater;
        final double[] reg = new double[3];
        GradientNormalization gn = GradientNormalization.NONE;
        double inputDropout;
        final Model model;

        Collector(Model model) {
            this.model = model;
        }

        void add(Layer l, String name, String prefix, int activationIndex, String activationKey, boolean graphOutput) {
            double drop = dropProbability(l.getIDropout(), name, notes);
            if (drop > 0) {
                // DL4J drops a layer's input: that is the output of the dense layer before it
                if (out.isEmpty()) {
                    inputDropout = Math.max(inputDropout, drop);
                } else {
                    replaceLast(withDropout(last().facts(), Math.max(last().facts().dropout(), drop)), null);
                }
            }
            if ((l instanceof DenseLayer || l instanceof BaseOutputLayer) && ((BaseLayer) l).getActivationFn() != null) {
                BaseLayer b = (BaseLayer) l;
                var ff = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) l;
                String act = activationName(b.getActivationFn());
                int fanIn = (int) ff.getNIn();
                int units = (int) ff.getNOut();
                INDArray w = param(prefix + "_W");
                Init init = init(b.getWeightInitFn(), w);
                double scale = initScale(b.getWeightInitFn(), w, fanIn);
                String own = name;
                out.add(new Mapped(new LayerFacts(out.size(), fanIn, units, ForeignNames.activation(act), 0, false, init, scale,
                        own, "dense", act), prefix, activationIndex, activationKey, l.getClass().getSimpleName()));
                if (updater == null) {
                    updater = b.getIUpdater();
                    gn = gradientNormalization(b.getGradientNormalization());
                }
                regularization(b.getRegularization());
                if (l instanceof BaseOutputLayer o) {
                    lossFn = o.getLossFn();
                }
            } else if (l instanceof LossLayer ll && !out.isEmpty()) {
                lossFn = ll.getLossFn();
                String act = activationName(ll.getActivationFn());
                if (!act.equals("identity")) {
                    replaceLast(withActivation(last().facts(), act), null);
                }
            } else if (l instanceof ActivationLayer a && !out.isEmpty()) {
                replaceLast(withActivation(last().facts(), activationName(a.getActivationFn())), activationIndex < 0 ? null
                        : new int[] {activationIndex});
                if (activationKey != null) {
                    Mapped m = last();
                    out.set(out.size() - 1, new Mapped(m.facts(), m.prefix(), m.activationIndex(), activationKey, m.dl4jType()));
                }
            } else if (l instanceof BatchNormalization && !out.isEmpty()) {
                LayerFacts f = last().facts();
                replaceLast(new LayerFacts(f.index(), f.fanIn(), f.units(), f.activation(), f.dropout(), true, f.init(),
                        f.initScale(), f.name(), f.kind(), f.activationName()), null);
            } else if (!(l instanceof DropoutLayer)) {
                notes.add("layer '" + name + "' (" + l.getClass().getSimpleName() + ") is not a dense layer: its signals are"
                        + " not recorded and the layer checks judge only the dense layers");
            }
        }

        Mapped last() {
            return out.get(out.size() - 1);
        }

        void replaceLast(LayerFacts f, int[] activationIndex) {
            Mapped m = last();
            out.set(out.size() - 1, new Mapped(f, m.prefix(), activationIndex == null ? m.activationIndex() : activationIndex[0],
                    m.activationKey(), m.dl4jType()));
        }

        INDArray param(String key) {
            try {
                return model.getParam(key);
            } catch (RuntimeException e) {
                return null;
            }
        }

        void regularization(List<Regularization> list) {
            if (list == null) {
                return;
            }
            for (Regularization r : list) {
                if (r instanceof L1Regularization x) {
                    reg[0] = Math.max(reg[0], x.getL1().valueAt(0, 0));
                } else if (r instanceof L2Regularization x) {
                    reg[1] = Math.max(reg[1], x.getL2().valueAt(0, 0));
                } else if (r instanceof WeightDecay x) {
                    reg[2] = Math.max(reg[2], x.getCoeff().valueAt(0, 0));
                }
            }
        }

        NetworkFacts build(String kind, DType dtype) {
            if (!out.isEmpty() && !(lossFn != null)) {
                notes.add("the last dense layer is not an output layer with a loss function: the loss checks cannot run");
            }
            return new NetworkFacts(kind, out, lossFn, updater, reg, gn, dtype, model.numParams(), inputDropout, notes);
        }
    }

    private static NetworkFacts ofList(MultiLayerNetwork net) {
        MultiLayerConfiguration c = net.getLayerWiseConfigurations();
        Collector col = new Collector(net);
        int n = c.getConfs().size();
        for (int i = 0; i < n; i++) {
            Layer l = c.getConf(i).getLayer();
            String name = l.getLayerName() != null ? l.getLayerName() : String.valueOf(i);
            // onForwardPass lists the input, then the output of every layer but the last
            col.add(l, name, String.valueOf(i), i < n - 1 ? i + 1 : -1, null, false);
        }
        if (col.inputDropout > 0) {
            col.notes.add("dropout on the network's input (" + pct(col.inputDropout) + " of the features dropped) is"
                    + " recorded here but not judged by the dropout check, which judges hidden layers");
        }
        return col.build("MultiLayerNetwork", dtype(net.params()));
    }

    private static NetworkFacts ofGraph(ComputationGraph graph) {
        ComputationGraphConfiguration c = graph.getConfiguration();
        Collector col = new Collector(graph);
        Map<String, GraphVertex> vertices = c.getVertices();
        Map<String, List<String>> inputs = c.getVertexInputs();
        for (String name : c.getTopologicalOrderStr()) {
            GraphVertex v = vertices.get(name);
            if (v == null) {
                continue; // a network input
            }
            List<String> in = inputs.getOrDefault(name, List.of());
            if (in.size() > 1) {
                col.notes.add("vertex '" + name + "' (" + v.getClass().getSimpleName() + ") joins " + in.size()
                        + " inputs: the network is not a chain of dense layers, so the layer checks judge the dense layers"
                        + " in topological order");
            }
            if (v instanceof LayerVertex lv) {
                boolean output = c.getNetworkOutputs().contains(name);
                col.add(lv.getLayerConf().getLayer(), name, name, -1, output ? null : name, output);
            } else {
                col.notes.add("vertex '" + name + "' (" + v.getClass().getSimpleName() + ") is not a layer: not recorded");
            }
        }
        if (c.getNetworkOutputs().size() > 1) {
            col.notes.add("the graph has " + c.getNetworkOutputs().size() + " outputs: the loss checks judge only the last"
                    + " dense layer in topological order");
        }
        return col.build("ComputationGraph", dtype(graph.params()));
    }

    private static DType dtype(INDArray params) {
        return params != null && params.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** DL4J's dropout argument is the probability of keeping an input: the drop probability is 1 - that. */
    static double dropProbability(IDropout d, String layer, List<String> notes) {
        if (d == null) {
            return 0;
        }
        double retain;
        if (d instanceof Dropout x) {
            retain = x.getPSchedule() != null ? x.getPSchedule().valueAt(0, 0) : x.getP();
        } else if (d instanceof AlphaDropout x) {
            retain = x.getPSchedule() != null ? x.getPSchedule().valueAt(0, 0) : x.getP();
        } else if (d instanceof SpatialDropout x) {
            retain = x.getPSchedule() != null ? x.getPSchedule().valueAt(0, 0) : x.getP();
        } else {
            notes.add("layer '" + layer + "' uses " + d.getClass().getSimpleName() + ", whose rate is not a retain probability:"
                    + " the dropout check does not judge it");
            return 0;
        }
        return retain > 0 && retain < 1 ? 1 - retain : 0;
    }

    private static LayerFacts withDropout(LayerFacts f, double dropout) {
        return new LayerFacts(f.index(), f.fanIn(), f.units(), f.activation(), dropout, f.batchNorm(), f.init(), f.initScale(),
                f.name(), f.kind(), f.activationName());
    }

    private static LayerFacts withActivation(LayerFacts f, String act) {
        return new LayerFacts(f.index(), f.fanIn(), f.units(), ForeignNames.activation(act), f.dropout(), f.batchNorm(), f.init(),
                f.initScale(), f.name(), f.kind(), act);
    }

    /** "ActivationReLU" → "relu", "ActivationLReLU" → "lrelu", "ActivationTanH" → "tanh". */
    static String activationName(IActivation a) {
        if (a == null) {
            return "identity";
        }
        String n = a.getClass().getSimpleName();
        return (n.startsWith("Activation") ? n.substring("Activation".length()) : n).toLowerCase(Locale.ROOT);
    }

    /** DL4J's own name of a loss: the {@link LossFunctions.LossFunction} constant whose class it is ("MSE", "MCXENT", "XENT"). */
    static String lossName(ILossFunction fn) {
        if (fn == null) {
            return null;
        }
        for (LossFunctions.LossFunction f : LossFunctions.LossFunction.values()) {
            try {
                if (f.getILossFunction().getClass() == fn.getClass()) {
                    return f.name();
                }
            } catch (RuntimeException e) {
                // a constant without an implementation
            }
        }
        String n = fn.getClass().getSimpleName();
        return n.startsWith("Loss") ? n.substring(4) : n;
    }

    /**
     * The initializer as Triage names it. Constant and distribution initializers carry no readable scale
     * in DL4J, so the weights as initialized are measured: all equal is a constant (zeros when 0).
     */
    static Init init(IWeightInit w, INDArray weights) {
        if (w instanceof WeightInitXavierUniform) {
            return Init.XAVIER_UNIFORM;
        }
        if (w instanceof WeightInitXavier) {
            return Init.XAVIER_NORMAL;
        }
        if (w instanceof WeightInitRelu) {
            return Init.HE_NORMAL;
        }
        if (w instanceof WeightInitReluUniform) {
            return Init.HE_UNIFORM;
        }
        if (w instanceof WeightInitLecunUniform || w instanceof WeightInitVarScalingNormalFanIn) {
            return Init.LECUN_NORMAL;
        }
        if (w instanceof WeightInitNormal) {
            return Init.NORMAL;
        }
        if (w instanceof WeightInitUniform) {
            return Init.UNIFORM;
        }
        if (w instanceof WeightInitConstant || w instanceof WeightInitDistribution) {
            if (weights == null || weights.length() == 0) {
                return Init.OTHER;
            }
            double std = weights.stdNumber().doubleValue();
            if (std == 0) {
                return weights.meanNumber().doubleValue() == 0 ? Init.ZEROS : Init.CONSTANT;
            }
            return Init.NORMAL;
        }
        return Init.OTHER;
    }

    /** The scale a fixed-scale initializer drew with: DL4J's NORMAL and UNIFORM use 1/sqrt(fan-in); others as measured. */
    static double initScale(IWeightInit w, INDArray weights, int fanIn) {
        if (w instanceof WeightInitNormal || w instanceof WeightInitUniform) {
            return 1 / Math.sqrt(Math.max(1, fanIn));
        }
        if ((w instanceof WeightInitConstant || w instanceof WeightInitDistribution) && weights != null && weights.length() > 0) {
            double std = weights.stdNumber().doubleValue();
            return std == 0 ? weights.meanNumber().doubleValue() : std;
        }
        return 1;
    }

    static GradientNormalization gradientNormalization(org.deeplearning4j.nn.conf.GradientNormalization g) {
        if (g == null) {
            return GradientNormalization.NONE;
        }
        return switch (g) {
            case None -> GradientNormalization.NONE;
            case RenormalizeL2PerLayer -> GradientNormalization.RENORMALIZE_L2_PER_LAYER;
            case RenormalizeL2PerParamType -> GradientNormalization.RENORMALIZE_L2_PER_PARAM_TYPE;
            case ClipElementWiseAbsoluteValue -> GradientNormalization.CLIP_ELEMENT_WISE_ABSOLUTE_VALUE;
            case ClipL2PerLayer -> GradientNormalization.CLIP_L2_PER_LAYER;
            case ClipL2PerParamType -> GradientNormalization.CLIP_L2_PER_PARAM_TYPE;
        };
    }

    static Activation outputActivation(List<Mapped> layers) {
        return layers.isEmpty() ? Activation.OTHER : layers.get(layers.size() - 1).facts().activation();
    }

    private static String pct(double v) {
        return Math.round(v * 100) + "%";
    }
}
