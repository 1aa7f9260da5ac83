package dev.triage.probe.telemetry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.InputStats;
import dev.triage.probe.log.LossCall;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.TargetStats;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a run log in the {@code triage-telemetry} format, one record per call, in the order of the
 * calls: {@link #run} first, then the others as they happen, {@link #end} last. Any framework adapter
 * can feed it; {@link RunLogFile} writes a whole recorded {@code RunLog} through it. Not thread-safe.
 */
public final class TelemetryWriter implements Closeable {
    private final Writer out;
    private boolean started;

    public TelemetryWriter(Writer out) {
        this.out = out;
    }

    /** The first record: the run's setup, the framework it was trained in, and (optional) input and target statistics. */
    public void run(RunSetup setup, RunOrigin origin, InputStats inputs, TargetStats targets) {
        started = true;
        write(RunRecord.write(setup, origin, inputs, targets));
    }

    public void data(DataSignals d) {
        write(triageRecord("data", d));
    }

    public void baselines(Baselines b) {
        write(triageRecord("baselines", b));
    }

    public void init(InitSignals i) {
        write(triageRecord("init", i));
    }

    public void evaluation(EvaluationSignals e) {
        write(triageRecord("evaluation", e));
    }

    /** One optimizer step's loss; {@code epoch} and {@code learningRate} may be unknown (0 and NaN). */
    public void step(int epoch, long step, double loss, double learningRate) {
        ObjectNode o = record("step").put("step", step);
        if (epoch > 0) {
            o.put("epoch", epoch);
        }
        o.put("loss", loss);
        if (!Double.isNaN(learningRate)) {
            o.put("learning_rate", learningRate);
        }
        write(o);
    }

    public void probe(ProbePoint p) {
        ObjectNode o = record("probe").put("step", p.step()).put("epoch", p.epoch()).put("learning_rate", p.learningRate())
                .put("loss", p.loss());
        array(o, "grad_norm", p.gradNorm());
        array(o, "weight_norm", p.weightNorm());
        array(o, "update_norm", p.updateNorm());
        array(o, "act_std", p.actStd());
        array(o, "pre_act_std", p.preActStd());
        array(o, "zero_fraction", p.zeroFraction());
        array(o, "dead_fraction", p.deadFraction());
        array(o, "saturated_fraction", p.saturatedFraction());
        o.put("prediction_std", p.predictionStd());
        write(o);
    }

    public void lossCall(LossCall c) {
        ObjectNode o = record("loss_call").put("step", c.step()).put("loss", c.loss());
        o.set("prediction_shape", Telemetry.JSON.valueToTree(c.predictionShape()));
        o.set("target_shape", Telemetry.JSON.valueToTree(c.targetShape()));
        o.put("prediction_dtype", c.predictionDtype()).put("target_dtype", c.targetDtype()).put("reduction", c.reduction());
        o.set("broadcast_shape", Telemetry.JSON.valueToTree(c.broadcastShape()));
        o.put("calls", c.calls());
        write(o);
    }

    public void epoch(EpochPoint e) {
        write(record("epoch").put("epoch", e.epoch()).put("step", e.step()).put("learning_rate", e.learningRate())
                .put("train_loss", e.trainLoss()).put("validation_loss", e.validationLoss())
                .put("validation_metric", e.validationMetric()).put("prediction_std", e.predictionStd())
                .put("target_std", e.targetStd()).put("seconds", e.seconds()));
    }

    /** The first non-finite value; {@code layerName} as the framework calls the layer (may be null). */
    public void nonFinite(NonFiniteEvent e, String layerName) {
        ObjectNode o = record("nonfinite").put("step", e.step()).put("epoch", e.epoch()).put("layer", e.layer());
        if (layerName != null) {
            o.put("layer_name", layerName);
        }
        write(o.put("tensor", e.quantity().name().toLowerCase(Locale.ROOT)).put("last_finite_loss", e.lastFiniteLoss()));
    }

    /** The last record: how many epochs ran and why the run stopped. */
    public void end(int epochsRun, String stopReason) {
        write(record("end").put("epochs_run", epochsRun).put("stop_reason", stopReason.toLowerCase(Locale.ROOT)));
    }

    private ObjectNode record(String type) {
        if (!started) {
            throw new IllegalStateException("the run record must be written first");
        }
        return Telemetry.JSON.createObjectNode().put("type", type);
    }

    private ObjectNode triageRecord(String type, Object value) {
        ObjectNode o = record(type);
        o.setAll((ObjectNode) Telemetry.JSON.valueToTree(value));
        return o;
    }

    private static void array(ObjectNode o, String key, double[] values) {
        if (values != null) {
            o.set(key, Telemetry.JSON.valueToTree(values));
        }
    }

    private void write(ObjectNode record) {
        try {
            out.write(Telemetry.JSON.writeValueAsString(record));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
