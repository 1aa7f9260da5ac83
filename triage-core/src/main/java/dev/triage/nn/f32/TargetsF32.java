package dev.triage.nn.f32;

import dev.triage.config.Loss;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.ShapeMismatchException;

/** Builds the target matrix (rows x outputs) from regression values or class labels, checking shapes. */
final class TargetsF32 {
    private TargetsF32() {
    }

    static float[] build(NetworkSpec spec, double[] targets, int outputsPerRow, int[] labels, int rows) {
        int outputs = spec.outputs();
        if (labels != null && labels.length != rows) {
            throw new ShapeMismatchException("class labels", "[" + rows + "]", "[" + labels.length + "]");
        }
        if (spec.loss() == Loss.CROSS_ENTROPY && labels == null) {
            throw new IllegalArgumentException("cross_entropy needs class labels, but the data has only numeric targets");
        }
        float[] y = new float[rows * outputs];
        if (targets != null) {
            if (outputsPerRow != outputs || targets.length != (long) rows * outputs) {
                throw new ShapeMismatchException("targets", "[" + rows + ", " + outputs + "]",
                        "[" + rows + ", " + outputsPerRow + "] (" + targets.length + " values)");
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) targets[i];
            }
            return y;
        }
        if (labels == null) {
            throw new IllegalArgumentException("upload needs targets or class labels");
        }
        int classes = outputs == 1 ? 2 : outputs;
        for (int r = 0; r < rows; r++) {
            int c = labels[r];
            if (c < 0 || c >= classes) {
                throw new ShapeMismatchException("class label of row " + r, "0.." + (classes - 1), String.valueOf(c));
            }
            if (outputs == 1) {
                y[r] = c;
            } else {
                y[r * outputs + c] = 1;
            }
        }
        return y;
    }
}
