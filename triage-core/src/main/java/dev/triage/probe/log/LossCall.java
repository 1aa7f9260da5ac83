package dev.triage.probe.log;

import java.util.Arrays;

/**
 * How a loss function was called, recorded by probes of frameworks whose losses broadcast (PyTorch): the
 * loss's name, the prediction and target shapes and types, the reduction, and the shape the
 * element-wise loss really computed ({@code broadcastShape}, null when it is the prediction's own or
 * unknown). {@code calls} counts the calls with this signature (0 when not counted).
 */
public record LossCall(long step, String loss, int[] predictionShape, int[] targetShape, String predictionDtype,
                       String targetDtype, String reduction, int[] broadcastShape, long calls) {
    public LossCall {
        predictionShape = predictionShape == null ? null : predictionShape.clone();
        targetShape = targetShape == null ? null : targetShape.clone();
        broadcastShape = broadcastShape == null ? null : broadcastShape.clone();
    }

    /** Whether the loss compared values of a shape other than the prediction's (e.g. [N,1] against [N] → [N,N]). */
    public boolean broadcasts() {
        return broadcastShape != null && predictionShape != null
                && (!Arrays.equals(broadcastShape, predictionShape) || !Arrays.equals(broadcastShape, targetShape));
    }

    /** "[32, 1]". */
    public static String shape(int[] dims) {
        return dims == null ? "?" : Arrays.toString(dims);
    }
}
