package dev.triage.data;

import dev.triage.config.CategoricalEncoding;
import dev.triage.config.Imputation;
import dev.triage.config.PreprocessConfig;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Fits a {@link Preprocessor} on the training rows only: imputation values, scaling parameters and
 * category levels. Scalers are guarded: a constant column gets scale 1 instead of a division by zero.
 */
public final class PreprocessorFitter {
    private PreprocessorFitter() {
    }

    public static Preprocessor fit(Table table, int[] trainRows, List<String> featureColumns, TargetSpec target,
                                   PreprocessConfig cfg) {
        List<FeatureEncoding> features = new ArrayList<>();
        for (String name : featureColumns) {
            Column c = table.column(name);
            if (c instanceof NumericColumn n) {
                features.add(numeric(name, Stats.of(n.values(), trainRows), cfg.scale(), cfg.impute()));
            } else if (cfg.categorical() != CategoricalEncoding.DROP) {
                features.add(categorical((CategoricalColumn) c, trainRows, cfg));
            }
        }
        return new Preprocessor(features, target.column(), targetEncoding(table, trainRows, target, cfg));
    }

    static FeatureEncoding numeric(String name, Stats s, Scaling scaling, Imputation impute) {
        double fill = switch (impute) {
            case MEAN -> s.mean();
            case MEDIAN, DROP_ROWS -> s.median();
            case MOST_FREQUENT -> s.mode();
            case NONE -> Double.NaN;
        };
        double[] cs = scaling(s, scaling);
        return new FeatureEncoding(name, FeatureEncoding.Kind.NUMERIC, s.count() == 0 ? Double.NaN : fill, cs[0], cs[1],
                List.of());
    }

    /** {center, scale} of a scaler; a zero or undefined scale falls back to the std, then to 1. */
    static double[] scaling(Stats s, Scaling scaling) {
        if (s.count() == 0 || scaling == Scaling.NONE) {
            return new double[] {0, 1};
        }
        double center;
        double scale;
        switch (scaling) {
            case STANDARD -> {
                center = s.mean();
                scale = s.std();
            }
            case MINMAX -> {
                center = s.min();
                scale = s.max() - s.min();
            }
            default -> {
                center = s.median();
                scale = s.iqr() > 0 ? s.iqr() : s.std();
            }
        }
        double tiny = 1e-12 * Math.max(1, Math.abs(center));
        return new double[] {center, scale > tiny ? scale : 1};
    }

    private static FeatureEncoding categorical(CategoricalColumn c, int[] trainRows, PreprocessConfig cfg) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int r : trainRows) {
            String v = c.valueAt(r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        int mostFrequent = -1;
        int best = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (counts.get(levels.get(i)) > best) {
                best = counts.get(levels.get(i));
                mostFrequent = i;
            }
        }
        double fill = cfg.impute() == Imputation.NONE || mostFrequent < 0 ? Double.NaN : mostFrequent;
        if (cfg.categorical() == CategoricalEncoding.ONEHOT) {
            return new FeatureEncoding(c.name(), FeatureEncoding.Kind.ONEHOT, fill, 0, 1, levels);
        }
        double[] codes = new double[trainRows.length];
        for (int i = 0; i < trainRows.length; i++) {
            String v = c.valueAt(trainRows[i]);
            codes[i] = v == null ? Double.NaN : levels.indexOf(v);
        }
        double[] cs = scaling(Stats.of(codes, Splitter.range(0, codes.length)), cfg.scale());
        return new FeatureEncoding(c.name(), FeatureEncoding.Kind.ORDINAL, fill, cs[0], cs[1], levels);
    }

    private static TargetEncoding targetEncoding(Table table, int[] trainRows, TargetSpec target, PreprocessConfig cfg) {
        if (target.isClassification()) {
            return new TargetEncoding(Task.CLASSIFICATION, 0, 1, target.classes());
        }
        if (cfg.scaleTarget() == TargetScaling.NONE) {
            return new TargetEncoding(Task.REGRESSION, 0, 1, List.of());
        }
        Stats s = Stats.of(((NumericColumn) table.column(target.column())).values(), trainRows);
        double[] cs = scaling(s, Scaling.STANDARD);
        return new TargetEncoding(Task.REGRESSION, cs[0], cs[1], List.of());
    }
}
