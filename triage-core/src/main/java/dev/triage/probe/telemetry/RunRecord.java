package dev.triage.probe.telemetry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.ConfigChoice;
import dev.triage.probe.log.InputStats;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.TargetStats;

/** The first record of a run log: the run's setup, where it comes from, and what its inputs looked like. */
final class RunRecord {
    private RunRecord() {
    }

    static ObjectNode write(RunSetup s, RunOrigin origin, InputStats inputs, TargetStats targets) {
        ObjectNode o = Telemetry.JSON.createObjectNode().put("type", "run").put("format", Telemetry.FORMAT)
                .put("version", Telemetry.VERSION).put("framework", origin.framework());
        putText(o, "framework_version", origin.frameworkVersion());
        o.put("task", s.task().configName()).put("classes", s.classes());
        ArrayNode layers = o.putArray("layers");
        for (LayerFacts l : s.layers()) {
            layers.add(layer(l));
        }
        o.put("loss", origin.lossName() != null ? origin.lossName() : s.loss().configName());
        ObjectNode opt = o.putObject("optimizer")
                .put("name", origin.optimizerName() != null ? origin.optimizerName() : s.optimizer().configName());
        opt.put("learning_rate", s.learningRate()).put("momentum", s.momentum()).put("weight_decay", s.weightDecay());
        o.put("batch_size", s.batchSize()).put("epochs", s.epochs()).put("train_rows", s.trainRows())
                .put("validation_rows", s.validationRows()).put("l1", s.l1()).put("l2", s.l2());
        putChoice(o, "gradient_clipping", s.gradientNormalization());
        o.put("early_stopping", s.earlyStopping()).put("restore_best", s.restoreBest());
        ObjectNode pre = o.putObject("preprocessing");
        putChoice(pre, "scale", s.scale());
        putChoice(pre, "scale_target", s.scaleTarget());
        putChoice(pre, "impute", s.impute());
        if (inputs != null) {
            o.set("inputs", inputs(inputs));
        }
        if (targets != null) {
            o.putObject("targets").put("rows", targets.rows()).put("mean", targets.mean()).put("std", targets.std())
                    .put("min", targets.min()).put("max", targets.max());
        }
        o.put("parameters", s.parameters());
        ObjectNode extra = o.putObject("x_triage").put("shuffled", s.shuffled()).put("stratified", s.stratified())
                .put("estimated_bytes", s.estimatedBytes()).put("max_heap_bytes", s.maxHeapBytes());
        putChoice(extra, "dtype", s.dtype());
        return o;
    }

    private static ObjectNode layer(LayerFacts l) {
        ObjectNode o = Telemetry.JSON.createObjectNode().put("index", l.index());
        putText(o, "name", l.name());
        o.put("kind", l.kind() == null ? "dense" : l.kind()).put("in", l.fanIn()).put("units", l.units())
                .put("activation", l.activationLabel()).put("parameters", (long) (l.fanIn() + 1) * l.units())
                .put("dropout", l.dropout()).put("batch_norm", l.batchNorm());
        putChoice(o, "init", l.init());
        o.put("init_scale", l.initScale());
        return o;
    }

    private static void putText(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putChoice(ObjectNode o, String key, ConfigChoice value) {
        if (value != null) {
            o.put(key, value.configName());
        }
    }

    private static ObjectNode inputs(InputStats in) {
        ObjectNode o = Telemetry.JSON.createObjectNode().put("rows", in.rows());
        o.set("names", Telemetry.JSON.valueToTree(in.names()));
        o.set("mean", Telemetry.JSON.valueToTree(in.mean()));
        o.set("std", Telemetry.JSON.valueToTree(in.std()));
        o.set("min", Telemetry.JSON.valueToTree(in.min()));
        o.set("max", Telemetry.JSON.valueToTree(in.max()));
        o.set("nonfinite", Telemetry.JSON.valueToTree(in.nonFinite()));
        return o;
    }
}
