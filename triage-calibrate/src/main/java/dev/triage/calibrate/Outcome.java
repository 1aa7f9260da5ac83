package dev.triage.calibrate;

/**
 * Whether a run is healthy by its outcome: its held-out test score beats the best baseline's (the
 * baseline Triage picked on validation, scored on the same test rows) or comes within a small
 * margin of it, and nothing became non-finite. Regression compares RMSE relative to the trivial
 * predictor's (unit-free, so a run on a rescaled target is judged against the clean run's
 * baselines); classification compares accuracy.
 */
final class Outcome {
    /** Regression: the run's RMSE may exceed the best baseline's by this fraction. */
    static final double RMSE_MARGIN = 0.05;
    /** Classification: the run's accuracy may trail the best baseline's by this much (or by one test row, if more). */
    static final double ACCURACY_MARGIN = 0.02;

    /** What a run is judged against: the best baseline's test score and the trivial one's, from a clean run. */
    record Reference(boolean classification, double best, double trivial, int testRows) {
        /** The score to reach: accuracy, or RMSE relative to the trivial RMSE. */
        double target() {
            return classification ? best - Math.max(ACCURACY_MARGIN, 1.0 / Math.max(1, testRows))
                    : (best / trivial) * (1 + RMSE_MARGIN);
        }
    }

    record Verdict(boolean healthy, double score, String reason) {
    }

    private Outcome() {
    }

    /**
     * @param test    the run's test metric (accuracy or RMSE), NaN when it did not train
     * @param trivial the run's own trivial-baseline test RMSE (regression; the unit of {@code test})
     * @param finite  whether every loss stayed finite
     */
    static Verdict judge(Reference ref, double test, double trivial, boolean finite) {
        if (ref == null || !Double.isFinite(ref.best()) || (!ref.classification() && !(ref.trivial() > 0))) {
            return new Verdict(false, Double.NaN, "no baseline to compare with");
        }
        if (!Double.isFinite(test)) {
            return new Verdict(false, Double.NaN, "no finite test score (did not train, or non-finite)");
        }
        if (!finite) {
            return new Verdict(false, Double.NaN, "a loss became non-finite");
        }
        if (ref.classification()) {
            boolean ok = test >= ref.target();
            return new Verdict(ok, test, ok ? "ok" : "accuracy below the best baseline's");
        }
        if (!(trivial > 0)) {
            return new Verdict(false, Double.NaN, "no trivial baseline");
        }
        double rel = test / trivial;
        boolean ok = rel <= ref.target();
        return new Verdict(ok, rel, ok ? "ok" : "rmse above the best baseline's");
    }
}
