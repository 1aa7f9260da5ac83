package dev.triage.probe.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triage.config.InvalidInputException;
import dev.triage.probe.log.Baselines;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.LossCall;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import java.util.Locale;

/** Turns the records of a run log, one at a time, into a {@link RunLog}. */
final class RecordSink {
    private final RunLog log;
    private final int layers;
    private long lastStep = Long.MIN_VALUE;
    private double lastFiniteLoss = Double.NaN;
    private EndRecord end;

    RecordSink(RunLog log) {
        this.log = log;
        this.layers = log.setup().layers().size();
    }

    /** The log a run record starts. */
    static RunLog header(Fields f) {
        String type = f.text("type");
        if (!"run".equals(type) || !Telemetry.FORMAT.equals(f.text("format"))) {
            throw new InvalidInputException(f.where() + ": the first record is not a run record; a run log starts with"
                    + " {\"type\":\"run\",\"format\":\"triage-telemetry\",\"version\":1,...} (see docs/telemetry.md)");
        }
        long version = f.integer("version", -1);
        if (version != Telemetry.VERSION) {
            throw new InvalidInputException(f.where() + ": run log version " + f.node().path("version")
                    + " is not one this Triage reads (version " + Telemetry.VERSION + "); upgrade Triage or write version "
                    + Telemetry.VERSION);
        }
        RunLog log = new RunLog();
        log.setOrigin(RunRecordReader.origin(f));
        log.setSetup(RunRecordReader.setup(f, log.origin()));
        log.setInputs(RunRecordReader.inputs(f));
        log.setTargets(RunRecordReader.targets(f));
        if (log.setup().layers().isEmpty()) {
            throw f.missing("layers", "at least the output layer ({\"index\":0,\"in\":11,\"units\":1,\"activation\":\"identity\"})");
        }
        return log;
    }

    void accept(Fields f) {
        String type = f.text("type");
        if (type == null) {
            throw f.missing("type", "one of run, step, probe, loss_call, epoch, nonfinite, end, data, baselines, init, evaluation");
        }
        switch (type) {
            case "step" -> step(f);
            case "probe" -> log.addProbe(probe(f));
            case "loss_call" -> log.addLossCall(new LossCall(f.integer("step", 0), f.text("loss"), f.dims("prediction_shape"),
                    f.dims("target_shape"), f.text("prediction_dtype"), f.text("target_dtype"), f.text("reduction"),
                    f.dims("broadcast_shape"), f.integer("calls", 0)));
            case "epoch" -> log.addEpoch(new EpochPoint(f.count("epoch", log.epochs().size() + 1), f.integer("step", lastStep + 1),
                    f.num("learning_rate"), f.num("train_loss"), f.num("validation_loss"), f.num("validation_metric"),
                    f.num("prediction_std"), f.num("target_std"), f.num("seconds")));
            case "nonfinite" -> nonFinite(f);
            case "end" -> end = EndRecord.of(f);
            case "data" -> log.setData(value(f, DataSignals.class));
            case "baselines" -> log.setBaselines(value(f, Baselines.class));
            case "init" -> log.setInit(value(f, InitSignals.class));
            case "evaluation" -> log.setEvaluation(value(f, EvaluationSignals.class));
            case "run" -> throw new InvalidInputException(f.where() + ": a second run record; one file holds one run"
                    + " (write each run to its own file)");
            default -> { } // a record type of a newer writer: ignored, as the format allows
        }
    }

    private void step(Fields f) {
        if (!f.has("loss")) {
            throw f.missing("loss", "the step's loss, a number");
        }
        long step = f.integer("step", lastStep + 1);
        double loss = f.num("loss");
        log.addStep(step, loss);
        lastStep = step;
        if (Double.isFinite(loss)) {
            lastFiniteLoss = loss;
        } else if (log.nonFinite() == null) {
            // A writer that records only losses still tells where the run broke.
            log.setNonFinite(new NonFiniteEvent(f.count("epoch", Math.max(1, log.epochs().size() + 1)), step, layers - 1,
                    NonFiniteEvent.Quantity.LOSS, lastFiniteLoss));
        }
    }

    private ProbePoint probe(Fields f) {
        return new ProbePoint(f.count("epoch", log.epochs().size() + 1), f.integer("step", lastStep), f.num("learning_rate"),
                f.num("loss"), perLayer(f, "grad_norm"), perLayer(f, "weight_norm"), perLayer(f, "update_norm"),
                perLayer(f, "act_std"), perLayer(f, "pre_act_std"), perLayer(f, "zero_fraction"), perLayer(f, "dead_fraction"),
                perLayer(f, "saturated_fraction"), f.num("prediction_std"));
    }

    /** One value per layer of the run record, NaN where the writer had none. */
    private double[] perLayer(Fields f, String key) {
        double[] v = f.numbers(key);
        if (v == null) {
            return null;
        }
        if (v.length != layers) {
            throw f.bad(key, f.node().get(key), "one value per layer of the run record (" + layers + ")");
        }
        return v;
    }

    private void nonFinite(Fields f) {
        int layer = (int) f.integer("layer", -1);
        int index = layer < 0 || layer >= layers ? layers - 1 : layer;
        String tensor = f.has("tensor") ? f.text("tensor").toUpperCase(Locale.ROOT) : "LOSS";
        NonFiniteEvent.Quantity q;
        try {
            q = NonFiniteEvent.Quantity.valueOf(tensor);
        } catch (IllegalArgumentException e) {
            throw f.bad("tensor", f.node().get("tensor"), "loss, activation, gradient or weight");
        }
        NonFiniteEvent event = new NonFiniteEvent(f.count("epoch", log.epochs().size() + 1), f.integer("step", lastStep), index,
                q, f.has("last_finite_loss") ? f.num("last_finite_loss") : lastFiniteLoss);
        if (log.nonFinite() == null || log.nonFinite().step() >= event.step()) {
            log.replaceNonFinite(event);
        }
    }

    private static <T> T value(Fields f, Class<T> type) {
        try {
            return Telemetry.JSON.treeToValue(f.node(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException(f.where() + ": a " + f.text("type") + " record that does not match Triage's "
                    + type.getSimpleName() + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    RunLog finish() {
        if (log.evaluation() == null && end != null) {
            log.setEvaluation(end.evaluation(log));
        }
        return log;
    }
}
