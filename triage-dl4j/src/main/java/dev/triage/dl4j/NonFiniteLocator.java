package dev.triage.dl4j;

import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.RunLog;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the run's first NaN or infinity came from and records it once: in the run log for the
 * doctor, and as DL4J names it (layer index, layer name, parameter) for {@link TriageResult}.
 */
final class NonFiniteLocator {
    // users configure logging by the public class's name, so every part of the listener logs under it
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);
    private static final String[] PARAMETERS = {"W", "b"};

    private final RunLog log;
    private final TrainingProgress progress;
    private TriageResult.NonFinite first;
    private boolean checkPending;

    NonFiniteLocator(RunLog log, TrainingProgress progress) {
        this.log = log;
        this.progress = progress;
    }

    boolean found() {
        return first != null;
    }

    /** The first non-finite value of the run; null when none was seen. */
    TriageResult.NonFinite first() {
        return first;
    }

    /**
     * True once after a non-finite value was recorded: the doctor checks right away instead of at the
     * epoch end, so the finding is logged at the iteration it happened.
     */
    boolean takeCheckPending() {
        boolean pending = checkPending;
        checkPending = false;
        return pending;
    }

    /**
     * Looks in the order the iteration computes: each layer's parameters and then its activations,
     * layer by layer; when all are finite, the loss itself went non-finite.
     */
    void locate(Model model, NetworkFacts net, ForwardActivations activations) {
        int n = net.layers.size();
        for (int i = 0; i < n; i++) {
            MappedLayer layer = net.layers.get(i);
            for (String parameter : PARAMETERS) {
                if (!Measure.finite(ModelAccess.param(model, layer.prefix() + "_" + parameter))) {
                    record(net, i, NonFiniteEvent.Quantity.WEIGHT, parameter);
                    return;
                }
            }
            INDArray output = activations.of(layer);
            if (!Measure.finite(output)) {
                record(net, i, NonFiniteEvent.Quantity.ACTIVATION, null);
                return;
            }
        }
        record(net, n - 1, NonFiniteEvent.Quantity.LOSS, null);
    }

    private void record(NetworkFacts net, int layer, NonFiniteEvent.Quantity quantity, String parameter) {
        MappedLayer mapped = layer >= 0 && layer < net.layers.size() ? net.layers.get(layer) : null;
        int dl4jIndex = -1;
        if (mapped != null && net.kind.equals("MultiLayerNetwork")) {
            dl4jIndex = Integer.parseInt(mapped.prefix());
        }
        String name = mapped == null ? null : mapped.facts().name();
        long step = progress.step();
        int epoch = progress.epoch();
        first = new TriageResult.NonFinite(step, epoch, quantity.label(), dl4jIndex, name, parameter);
        log.setNonFinite(new NonFiniteEvent(epoch, step, Math.max(0, layer), quantity, progress.lastFiniteLoss()));
        checkPending = true;
        LOG.warn("Triage: first non-finite value at iteration {} (epoch {}): {} of layer {} '{}'{}", step, epoch, quantity.label(),
                dl4jIndex, name, parameter == null ? "" : ", parameter " + parameter);
    }
}
