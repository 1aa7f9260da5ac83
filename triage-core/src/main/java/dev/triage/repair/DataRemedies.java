package dev.triage.repair;

import static dev.triage.config.ConfigKeys.IMPUTE;
import static dev.triage.config.ConfigKeys.MISSING;
import static dev.triage.config.ConfigKeys.SCALE;
import static dev.triage.config.ConfigKeys.SCALE_TARGET;

import dev.triage.config.ConfigChange;
import dev.triage.config.Imputation;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.Remedy;
import java.util.ArrayList;
import java.util.List;

/** Remedies that change how the data is preprocessed: scaling, imputation, sentinel values. */
final class DataRemedies {
    private DataRemedies() {
    }

    /** SCALE_FEATURES (standard scaling, unless any scaler is on) and ROBUST_SCALE_FEATURES (unless robust already). */
    record ScaleFeatures(Remedy remedy, Scaling to) implements RemedyAction {
        @Override
        public String describe() {
            return to == Scaling.ROBUST ? "scale the features by median and interquartile range, which outliers do not distort"
                    : "standardize the features (mean 0, standard deviation 1)";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            Scaling now = c.config().data().preprocess().scale();
            return now == to || to == Scaling.STANDARD && now != Scaling.NONE;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(SCALE, to);
        }
    }

    /** SCALE_TARGET: standardize a regression target that is not scaled. */
    record ScaleTarget() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.SCALE_TARGET;
        }

        @Override
        public String describe() {
            return "standardize the regression target (predictions are mapped back to its units)";
        }

        @Override
        public boolean appliesTo(RemedyContext c) {
            return c.task() == Task.REGRESSION;
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().data().preprocess().scaleTarget() != TargetScaling.NONE;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(SCALE_TARGET, TargetScaling.STANDARD);
        }
    }

    /** IMPUTE_MISSING: the median of the training split. */
    record Impute() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.IMPUTE_MISSING;
        }

        @Override
        public String describe() {
            return "fill missing values (median of the training split)";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().data().preprocess().impute() != Imputation.NONE;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(IMPUTE, Imputation.MEDIAN);
        }
    }

    /** TREAT_OUTLIERS_AS_MISSING: the sentinel value the finding found (its evidence) read as missing, and imputed. */
    record SentinelAsMissing() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.TREAT_OUTLIERS_AS_MISSING;
        }

        @Override
        public String describe() {
            return "read the sentinel value as missing and impute it";
        }

        @Override
        public boolean appliesTo(RemedyContext c) {
            return Double.isFinite(c.evidence("sentinel"));
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().data().missing().contains(token(c));
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            List<String> missing = new ArrayList<>(c.config().data().missing());
            missing.add(token(c));
            Imputation impute = c.config().data().preprocess().impute();
            return ConfigChange.of(MISSING, missing).and(IMPUTE, impute == Imputation.NONE ? Imputation.MEDIAN : impute);
        }

        /** The value as the file spells it: 999, not 999.0. */
        private static String token(RemedyContext c) {
            double sentinel = c.evidence("sentinel");
            return sentinel == Math.rint(sentinel) ? Long.toString((long) sentinel) : Double.toString(sentinel);
        }
    }
}
