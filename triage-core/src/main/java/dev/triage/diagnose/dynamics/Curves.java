package dev.triage.diagnose.dynamics;

import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.ProbePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Helpers over recorded curves: finite values of an epoch series, per-epoch means of a layer signal, medians. */
final class Curves {
    private Curves() {
    }

    static double[] epochs(List<EpochPoint> epochs, ToDoubleFunction<EpochPoint> f) {
        return epochs.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / Math.max(1, to - from);
    }

    /** Mean of {@code signal[layer]} over the probes of each epoch, in epoch order (epochs without probes skipped). */
    static List<double[]> perEpoch(List<ProbePoint> probes, ToDoubleFunction<ProbePoint> signal) {
        List<double[]> out = new ArrayList<>();
        int i = 0;
        while (i < probes.size()) {
            int epoch = probes.get(i).epoch();
            double sum = 0;
            int n = 0;
            for (; i < probes.size() && probes.get(i).epoch() == epoch; i++) {
                double v = signal.applyAsDouble(probes.get(i));
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            if (n > 0) {
                out.add(new double[] {epoch, sum / n});
            }
        }
        return out;
    }

    /** Values of a per-layer signal over the probes of the first {@code epochs} epochs. */
    static double[] early(List<ProbePoint> probes, int epochs, ToDoubleFunction<ProbePoint> signal) {
        double[] out = new double[probes.size()];
        int n = 0;
        for (ProbePoint p : probes) {
            if (p.epoch() > epochs) {
                break; // probes are recorded in order, so the rest are later
            }
            double v = signal.applyAsDouble(p);
            if (Double.isFinite(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The step of the last probe of an epoch (or -1). */
    static long stepOf(List<ProbePoint> probes, int epoch) {
        long step = -1;
        for (ProbePoint p : probes) {
            if (p.epoch() == epoch) {
                step = p.step();
            }
        }
        return step;
    }
}
