package dev.triage.train;

/** Held-out metrics of a trained model, in the target's own units. */
public sealed interface TaskMetrics permits TaskMetrics.Regression, TaskMetrics.Classification {
    /** The metric faultbench and reports lead with: rmse (lower is better) or accuracy (higher). */
    String primaryName();

    double primary();

    /**
     * Root mean squared error, mean absolute error and R² of a regression, with an evenly strided
     * sample of at most {@link Evaluation#SAMPLE} predictions and their actual values (original units)
     * for a predicted-vs-actual plot.
     */
    record Regression(double rmse, double mae, double r2, int rows, double[] samplePredicted, double[] sampleActual)
            implements TaskMetrics {
        @Override
        public String primaryName() {
            return "rmse";
        }

        @Override
        public double primary() {
            return rmse;
        }
    }

    /** Accuracy, log loss (natural log) and macro-averaged F1 of a classification. */
    record Classification(double accuracy, double logLoss, double macroF1, int rows, int[][] confusion)
            implements TaskMetrics {
        @Override
        public String primaryName() {
            return "accuracy";
        }

        @Override
        public double primary() {
            return accuracy;
        }
    }
}
