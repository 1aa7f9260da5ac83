package dev.triage.probe;

import dev.triage.data.Encoded;

/**
 * The encoded splits prepared for the baseline models: features standardized with the training
 * rows' statistics whatever the run's own scaling, and missing or infinite values set to 0 (the
 * training mean), so that every baseline can be fitted even on data the network cannot use yet.
 */
record BaselineData(double[] trainX, double[] validationX, double[] testX, int features, Encoded train,
                    Encoded validation, Encoded test) {

    static BaselineData of(Encoded train, Encoded validation, Encoded test) {
        int d = train.features();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            double ss = 0;
            int n = 0;
            for (int r = 0; r < train.rows(); r++) {
                double v = train.x()[r * d + j];
                if (Double.isFinite(v)) {
                    s += v;
                    ss += v * v;
                    n++;
                }
            }
            mean[j] = n == 0 ? 0 : s / n;
            double var = n == 0 ? 0 : ss / n - mean[j] * mean[j];
            std[j] = var > 1e-24 ? Math.sqrt(var) : 1;
        }
        return new BaselineData(standardize(train, mean, std), standardize(validation, mean, std), standardize(test, mean, std),
                d, train, validation, test);
    }

    private static double[] standardize(Encoded e, double[] mean, double[] std) {
        int d = mean.length;
        double[] out = new double[e.rows() * d];
        for (int i = 0; i < out.length; i++) {
            double v = e.x()[i];
            out[i] = Double.isFinite(v) ? (v - mean[i % d]) / std[i % d] : 0;
        }
        return out;
    }
}
