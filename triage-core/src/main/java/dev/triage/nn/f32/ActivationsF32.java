package dev.triage.nn.f32;

import dev.triage.config.Activation;

/**
 * Activation functions over a block of a batch: forward from pre-activations, and the backward step
 * that multiplies an incoming gradient by the derivative (computed from the pre-activation or the
 * output, whichever is cheaper). Softmax works row by row and is stable (max subtracted).
 */
final class ActivationsF32 {
    /** Sqrt(2/pi) and the cubic coefficient of GELU's tanh approximation. */
    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_A = 0.044715;

    private ActivationsF32() {
    }

    static void forward(Activation f, float slope, float[] pre, float[] out, int from, int to, int width) {
        switch (f) {
            case IDENTITY -> System.arraycopy(pre, from, out, from, to - from);
            case RELU -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(pre[i], 0); // branch-free and vectorized; a NaN stays NaN so it can be located
                }
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    out[i] = pre[i] > 0 ? pre[i] : slope * pre[i];
                }
            }
            case ELU -> {
                for (int i = from; i < to; i++) {
                    out[i] = pre[i] > 0 ? pre[i] : (float) Math.expm1(pre[i]);
                }
            }
            case GELU -> {
                for (int i = from; i < to; i++) {
                    double x = pre[i];
                    out[i] = (float) (0.5 * x * (1 + tanh(GELU_C * (x + GELU_A * x * x * x))));
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) tanh(pre[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    out[i] = (float) sigmoid(pre[i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = from; i < to; i++) {
                    double x = pre[i];
                    out[i] = (float) (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
                }
            }
            case SOFTMAX -> softmaxRows(pre, out, from, to, width);
            default -> throw new IllegalArgumentException("unresolved activation " + f);
        }
    }

    /**
     * tanh from the exponential, which the JIT compiles to a machine instruction sequence (Math.tanh
     * is a slow library call on JDK 17: ~40 ns against ~5). Near zero, where 1 - e^(-2|x|) would cancel,
     * the series x - x^3/3 + 2x^5/15; both are accurate to about 1e-13 relative in double precision.
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        if (a < 1e-3) {
            double x2 = x * x;
            return x * (1 - x2 * (1.0 / 3 - x2 * (2.0 / 15)));
        }
        double t = Math.exp(-2 * a);
        return Math.copySign((1 - t) / (1 + t), x);
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private static void softmaxRows(float[] pre, float[] out, int from, int to, int width) {
        for (int r = from; r < to; r += width) {
            float max = pre[r];
            for (int j = 1; j < width; j++) {
                max = Math.max(max, pre[r + j]);
            }
            double sum = 0;
            for (int j = 0; j < width; j++) {
                double e = Math.exp(pre[r + j] - max);
                out[r + j] = (float) e;
                sum += e;
            }
            for (int j = 0; j < width; j++) {
                out[r + j] = (float) (out[r + j] / sum);
            }
        }
    }

    /** grad[i] *= f'(pre[i]) for elementwise activations; softmax uses its Jacobian row by row. */
    static void backward(Activation f, float slope, float[] pre, float[] out, float[] grad, int from, int to, int width) {
        switch (f) {
            case IDENTITY -> {
            }
            case RELU -> {
                // f'(x) = min(1, out * MAX_VALUE): 1 for every normal positive output, 0 for a zero one,
                // without a branch (random signs would mispredict) and vectorized by the JIT
                for (int i = from; i < to; i++) {
                    grad[i] *= Math.min(1, out[i] * Float.MAX_VALUE);
                }
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    grad[i] = pre[i] > 0 ? grad[i] : slope * grad[i];
                }
            }
            case ELU -> {
                for (int i = from; i < to; i++) {
                    grad[i] = pre[i] > 0 ? grad[i] : grad[i] * (out[i] + 1);
                }
            }
            case GELU -> {
                for (int i = from; i < to; i++) {
                    grad[i] = (float) (grad[i] * geluDerivative(pre[i]));
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    grad[i] = grad[i] * (1 - out[i] * out[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    grad[i] = grad[i] * out[i] * (1 - out[i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = from; i < to; i++) {
                    grad[i] = (float) (grad[i] * sigmoid(pre[i]));
                }
            }
            case SOFTMAX -> softmaxBackward(out, grad, from, to, width);
            default -> throw new IllegalArgumentException("unresolved activation " + f);
        }
    }

    private static double geluDerivative(double x) {
        double u = GELU_C * (x + GELU_A * x * x * x);
        double t = tanh(u);
        double du = GELU_C * (1 + 3 * GELU_A * x * x);
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
    }

    /** grad_j <- p_j (grad_j - sum_k grad_k p_k), row by row. */
    private static void softmaxBackward(float[] p, float[] grad, int from, int to, int width) {
        for (int r = from; r < to; r += width) {
            double dot = 0;
            for (int j = 0; j < width; j++) {
                dot += grad[r + j] * p[r + j];
            }
            for (int j = 0; j < width; j++) {
                grad[r + j] = (float) (p[r + j] * (grad[r + j] - dot));
            }
        }
    }
}
