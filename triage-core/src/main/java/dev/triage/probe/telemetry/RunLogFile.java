package dev.triage.probe.telemetry;

import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.LossCall;
import dev.triage.probe.log.NonFiniteEvent;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import java.io.StringWriter;
import java.util.List;

/** A whole recorded run log as {@code triage-telemetry} text, records merged in the order of their steps. */
public final class RunLogFile {
    private RunLogFile() {
    }

    public static String render(RunLog log) {
        StringWriter text = new StringWriter();
        TelemetryWriter w = new TelemetryWriter(text);
        header(log, w);
        steps(log, w);
        EvaluationSignals e = log.evaluation();
        if (e != null) {
            w.evaluation(e);
        }
        EpochPoint last = log.lastEpoch();
        w.end(e != null ? e.epochsRun() : last == null ? 0 : last.epoch(), e != null ? e.stopReason() : "unknown");
        return text.toString();
    }

    /** What is known before the first step: the run record, then the data, baselines and init records present. */
    public static void header(RunLog log, TelemetryWriter w) {
        w.run(log.setup(), log.origin(), log.inputs(), log.targets());
        if (log.data() != null) {
            w.data(log.data());
        }
        if (log.baselines() != null) {
            w.baselines(log.baselines());
        }
        if (log.init() != null) {
            w.init(log.init());
        }
    }

    /** Steps, probes, loss calls, epochs and the non-finite event, merged by step. */
    private static void steps(RunLog log, TelemetryWriter w) {
        long[] steps = log.stepNumbers();
        double[] losses = log.stepLosses();
        List<ProbePoint> probes = log.probes();
        List<EpochPoint> epochs = log.epochs();
        List<LossCall> calls = log.lossCalls();
        NonFiniteEvent nf = log.nonFinite();
        boolean nfWritten = nf == null;
        int p = 0;
        int e = 0;
        int c = 0;
        for (int i = 0; i <= steps.length; i++) {
            long s = i < steps.length ? steps[i] : Long.MAX_VALUE;
            for (; e < epochs.size() && epochs.get(e).step() <= s; e++) {
                w.epoch(epochs.get(e));
            }
            for (; c < calls.size() && calls.get(c).step() <= s; c++) {
                w.lossCall(calls.get(c));
            }
            if (i < steps.length) {
                w.step(0, s, losses[i], Double.NaN);
            }
            for (; p < probes.size() && probes.get(p).step() <= s; p++) {
                w.probe(probes.get(p));
            }
            if (!nfWritten && nf.step() <= s) {
                w.nonFinite(nf, layerName(log, nf.layer()));
                nfWritten = true;
            }
        }
    }

    private static String layerName(RunLog log, int layer) {
        List<LayerFacts> layers = log.setup().layers();
        return layer >= 0 && layer < layers.size() ? layers.get(layer).name() : null;
    }
}
