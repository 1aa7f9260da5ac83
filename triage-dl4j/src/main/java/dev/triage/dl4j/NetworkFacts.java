package dev.triage.dl4j;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.probe.telemetry.ForeignNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * What the listener reads from a DL4J network's configuration: its dense layers in forward order (the
 * last one the output layer), the loss, the updater, regularization and data type, in the terms the
 * rules judge. DL4J's dropout argument is the probability of <em>retaining</em> an input and is
 * applied to a layer's input; it is converted to a drop probability (1 - retain) on the layer whose
 * output it drops. Layers that are not dense (convolutions, recurrent layers, ...) are listed in
 * {@link #notes} and left out (see {@link LayerCollector}).
 */
final class NetworkFacts {
    final String kind;
    final List<MappedLayer> layers;
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

    NetworkFacts(String kind, LayerCollector collected, DType dtype) {
        this.kind = kind;
        this.layers = List.copyOf(collected.layers());
        this.lossName = Dl4jTerms.lossName(collected.lossFunction());
        this.loss = lossName == null ? Loss.OTHER : ForeignNames.loss(lossName);
        this.updater = collected.updater();
        this.updaterName = updater == null ? null : updater.getClass().getSimpleName();
        this.optimizer = updaterName == null ? Optimizer.OTHER : ForeignNames.optimizer(updaterName.toLowerCase(Locale.ROOT));
        this.momentum = updater instanceof Nesterovs n ? n.getMomentum() : 0;
        this.l1 = collected.l1();
        this.l2 = collected.l2();
        this.weightDecay = collected.weightDecay();
        this.gradientNormalization = collected.gradientNormalization();
        this.dtype = dtype;
        this.parameters = collected.model().numParams();
        this.inputDropout = collected.inputDropout();
        this.notes = List.copyOf(collected.notes());
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
        LayerCollector nothing = new LayerCollector(model);
        nothing.note("a " + model.getClass().getSimpleName() + " is neither a MultiLayerNetwork nor a ComputationGraph:"
                + " only its loss per iteration was recorded");
        return nothing.build(model.getClass().getSimpleName(), DType.FLOAT32);
    }

    static Activation outputActivation(List<MappedLayer> layers) {
        return layers.isEmpty() ? Activation.OTHER : layers.get(layers.size() - 1).facts().activation();
    }

    private static NetworkFacts ofList(MultiLayerNetwork net) {
        MultiLayerConfiguration c = net.getLayerWiseConfigurations();
        LayerCollector collector = new LayerCollector(net);
        int n = c.getConfs().size();
        for (int i = 0; i < n; i++) {
            Layer layer = c.getConf(i).getLayer();
            String name = layer.getLayerName() != null ? layer.getLayerName() : String.valueOf(i);
            // onForwardPass lists the input, then the output of every layer but the last
            collector.add(layer, name, String.valueOf(i), i < n - 1 ? i + 1 : -1, null);
        }
        if (collector.inputDropout() > 0) {
            collector.note("dropout on the network's input (" + percent(collector.inputDropout()) + " of the features dropped) is"
                    + " recorded here but not judged by the dropout check, which judges hidden layers");
        }
        return collector.build("MultiLayerNetwork", dtype(net.params()));
    }

    /** Reads the layer vertices in topological order; other vertices are noted and left out. */
    private static NetworkFacts ofGraph(ComputationGraph graph) {
        ComputationGraphConfiguration c = graph.getConfiguration();
        LayerCollector collector = new LayerCollector(graph);
        Map<String, GraphVertex> vertices = c.getVertices();
        Map<String, List<String>> inputs = c.getVertexInputs();
        for (String name : c.getTopologicalOrderStr()) {
            GraphVertex vertex = vertices.get(name);
            if (vertex == null) {
                continue; // a network input
            }
            List<String> in = inputs.getOrDefault(name, List.of());
            if (in.size() > 1) {
                collector.note("vertex '" + name + "' (" + vertex.getClass().getSimpleName() + ") joins " + in.size()
                        + " inputs: the network is not a chain of dense layers, so the layer checks judge the dense layers"
                        + " in topological order");
            }
            if (vertex instanceof LayerVertex layerVertex) {
                boolean output = c.getNetworkOutputs().contains(name);
                collector.add(layerVertex.getLayerConf().getLayer(), name, name, -1, output ? null : name);
            } else {
                collector.note("vertex '" + name + "' (" + vertex.getClass().getSimpleName() + ") is not a layer: not recorded");
            }
        }
        if (c.getNetworkOutputs().size() > 1) {
            collector.note("the graph has " + c.getNetworkOutputs().size() + " outputs: the loss checks judge only the last"
                    + " dense layer in topological order");
        }
        return collector.build("ComputationGraph", dtype(graph.params()));
    }

    private static DType dtype(INDArray params) {
        return params != null && params.dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
    }

    private static String percent(double v) {
        return Math.round(v * 100) + "%";
    }
}
