package dev.triage.config;

/**
 * What Triage knows about one optimizer, kept in one place so that the doctor, the remedies, the
 * learning-rate finder and the memory estimate agree: the usual range of its effective learning rate and
 * where a rate becomes an error (CONFIG_LEARNING_RATE), the conventional starting rate (the rate a
 * remedy falls back to), whether momentum scales its step (the effective rate of momentum SGD is
 * lr / (1 - momentum)), whether it adapts each parameter's step to its gradient history, and the
 * parameter-sized arrays of state it keeps (moments, or L-BFGS's history).
 *
 * @param usualLow         the lowest effective rate in the usual range
 * @param usualHigh        the highest effective rate in the usual range
 * @param errorLow         below this the rate is an error, not a warning
 * @param errorHigh        above this the rate is an error, not a warning
 * @param conventionalRate a usual starting rate (NaN for another framework's optimizer)
 * @param momentumScaled   whether the effective rate is lr / (1 - momentum)
 * @param adaptive         whether each parameter's step is scaled by its own gradient history
 * @param firstMoment      whether the update keeps a running mean of the gradients (velocity)
 * @param secondMoment     whether the update keeps a running mean of the squared gradients
 * @param historyCopies    parameter-sized arrays of history besides the moments (L-BFGS's pairs)
 */
public record OptimizerProfile(Optimizer optimizer, double usualLow, double usualHigh, double errorLow, double errorHigh,
                               double conventionalRate, boolean momentumScaled, boolean adaptive, boolean firstMoment,
                               boolean secondMoment, int historyCopies) {
    /** L-BFGS keeps this many (s, y) pairs. */
    public static final int LBFGS_HISTORY = 10;

    private static final double[] SGD_RANGE = {1e-4, 0.3, 1e-6, 1.0};
    private static final double[] ADAPTIVE_RANGE = {1e-5, 0.01, 1e-6, 0.03};

    /** The profile of {@code o}. */
    public static OptimizerProfile of(Optimizer o) {
        return switch (o) {
            case SGD -> profile(o, SGD_RANGE, 0.01, false, false, false, false, 0);
            case MOMENTUM, NESTEROV -> profile(o, SGD_RANGE, 0.01, true, false, true, false, 0);
            case RMSPROP -> profile(o, ADAPTIVE_RANGE, 0.001, false, true, false, true, 0);
            case ADAM, ADAMW -> profile(o, ADAPTIVE_RANGE, 0.001, false, true, true, true, 0);
            case ADAGRAD -> profile(o, new double[] {1e-3, 0.5, 1e-5, 2.0}, 0.01, false, true, false, true, 0);
            case LBFGS -> profile(o, new double[] {0.1, 2.0, 1e-3, 10}, 1.0, false, false, false, false, 2 * LBFGS_HISTORY);
            // Another framework's optimizer: no range is known, so no rate is judged; its state is a guess of one copy.
            case OTHER -> new OptimizerProfile(o, 0, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, Double.NaN,
                    false, false, false, false, 1);
        };
    }

    private static OptimizerProfile profile(Optimizer o, double[] range, double rate, boolean momentum, boolean adaptive,
                                            boolean first, boolean second, int history) {
        return new OptimizerProfile(o, range[0], range[1], range[2], range[3], rate, momentum, adaptive, first, second, history);
    }

    /** The rate the step size follows: lr / (1 - momentum) for momentum SGD, the rate itself otherwise. */
    public double effectiveRate(double learningRate, double momentum) {
        return momentumScaled ? learningRate / (1 - momentum) : learningRate;
    }

    /** The learning rate that gives the effective rate {@code effective} (the inverse of {@link #effectiveRate}). */
    public double learningRateFor(double effective, double momentum) {
        return momentumScaled ? effective * (1 - momentum) : effective;
    }

    /** Whether this is Adam or AdamW. */
    public boolean adamFamily() {
        return optimizer == Optimizer.ADAM || optimizer == Optimizer.ADAMW;
    }

    /** Parameter-sized arrays of optimizer state: the moments it keeps and any history. */
    public int stateCopies() {
        return (firstMoment ? 1 : 0) + (secondMoment ? 1 : 0) + historyCopies;
    }
}
