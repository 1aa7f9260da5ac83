package dev.triage.dl4j;

import dev.triage.config.Imputation;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunSetup;
import dev.triage.report.DataSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run as its setup describes it: the network read from DL4J, the data the scans saw and the
 * listener's options, as the run log's setup and as the report's data summary and configuration.
 */
final class RunDescription {
    private final ListenerSettings settings;
    private final DataScan trainScan;
    private final DataScan validationScan;
    private final NetworkFacts net;

    /** The network may be null: not yet read. */
    RunDescription(ListenerSettings settings, DataScans scans, NetworkFacts net) {
        this.settings = settings;
        this.trainScan = scans.train();
        this.validationScan = scans.validation();
        this.net = net;
    }

    /** The run log's setup; the network must have been read. */
    RunSetup setup() {
        List<LayerFacts> layers = net.layers.stream().map(MappedLayer::facts).toList();
        int batch = trainScan == null ? 0 : trainScan.batchSize;
        int trainRows = trainScan == null ? 0 : (int) Math.min(Integer.MAX_VALUE, trainScan.rows);
        int valRows = validationScan == null ? 0 : (int) Math.min(Integer.MAX_VALUE, validationScan.rows);
        return new RunSetup(settings.task(), settings.classes(), layers, net.loss, net.optimizer, net.learningRate(0, 0),
                net.momentum, batch, settings.plannedEpochs(), trainRows, valRows, net.l1, net.l2, net.weightDecay,
                net.gradientNormalization, false, false, null, TargetScaling.NONE, Imputation.NONE, true, false, net.parameters, 0, 0,
                net.dtype);
    }

    DataSummary dataSummary() {
        long trainRows = trainScan == null ? 0 : trainScan.rows;
        long valRows = validationScan == null ? 0 : validationScan.rows;
        Task task = settings.task();
        return new DataSummary("DL4J " + settings.train().getClass().getSimpleName(),
                (int) Math.min(Integer.MAX_VALUE, trainRows + valRows), trainScan == null ? 0 : trainScan.features, task.configName(),
                "labels", (int) trainRows, (int) valRows, 0, null, task == Task.CLASSIFICATION ? settings.classNames() : List.of());
    }

    /** The report's configuration: the framework, and once the network was read, how DL4J configured it. */
    Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("framework", "dl4j " + TriageListener.DL4J_VERSION);
        if (net == null) {
            return c;
        }
        c.put("network", net.kind);
        c.put("layers", net.layers.stream().map(m -> m.facts().describe() + " [" + m.dl4jType() + ", init "
                + m.facts().init().configName() + ", dropout " + m.facts().dropout() + "]").toList());
        c.put("loss", net.lossName);
        c.put("updater", net.updaterName);
        c.put("learning_rate", net.learningRate(0, 0));
        c.put("momentum", net.momentum);
        c.put("l1", net.l1);
        c.put("l2", net.l2);
        c.put("weight_decay", net.weightDecay);
        c.put("gradient_normalization", net.gradientNormalization.configName());
        c.put("dropout_note", "DL4J's dropOut(p) is the probability of retaining an input; shown here as the drop probability 1 - p"
                + " of the layer whose output is dropped");
        c.put("input_dropout", net.inputDropout);
        c.put("batch_size", trainScan == null ? 0 : trainScan.batchSize);
        c.put("probes_per_epoch", settings.probesPerEpoch());
        c.put("planned_epochs", settings.plannedEpochs());
        return c;
    }
}
