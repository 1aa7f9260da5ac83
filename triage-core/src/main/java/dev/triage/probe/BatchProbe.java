package dev.triage.probe;

import dev.triage.data.Encoded;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;

/** Uploads chosen rows of an encoded set, optionally with one row's target changed. */
final class BatchProbe {
    private BatchProbe() {
    }

    /** {@code changed}: the position (in {@code pick}) whose target is altered, or -1. */
    static EngineData upload(Engine e, Encoded set, int[] pick, int changed) {
        int d = set.features();
        double[] x = new double[pick.length * d];
        for (int i = 0; i < pick.length; i++) {
            System.arraycopy(set.x(), pick[i] * d, x, i * d, d);
        }
        int outputs = e.spec().outputs();
        if (set.labels() != null) {
            int[] labels = new int[pick.length];
            int classes = Math.max(2, outputs);
            for (int i = 0; i < pick.length; i++) {
                labels[i] = set.labels()[pick[i]];
            }
            if (changed >= 0) {
                labels[changed] = (labels[changed] + 1) % classes;
            }
            return e.upload(x, pick.length, d, null, outputs, labels);
        }
        double[] y = new double[pick.length];
        for (int i = 0; i < pick.length; i++) {
            y[i] = set.y()[pick[i]];
        }
        if (changed >= 0) {
            y[changed] += 1;
        }
        return e.upload(x, pick.length, d, y, 1, null);
    }

    static EngineData withChangedTarget(Engine e, Encoded set, int[] pick, int changed) {
        return upload(e, set, pick, changed);
    }
}
