package dev.triage.data;

/** Writes one column's encoded inputs into a row-major matrix. */
final class FeatureEncoder {
    private FeatureEncoder() {
    }

    /** Encodes column {@code c} into columns [at, at + width) of {@code x}; returns how many values were unknown categories. */
    static int encode(FeatureEncoding f, Column c, double[] x, int width, int at) {
        int rows = c.size();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < f.levels().size(); i++) {
            index.put(f.levels().get(i), i);
        }
        switch (f.kind()) {
            case NUMERIC -> {
                double[] v = numeric(f, c);
                for (int r = 0; r < rows; r++) {
                    x[r * width + at] = scale(f, fill(f, v[r]));
                }
                return 0;
            }
            case ORDINAL -> {
                int unknown = 0;
                for (int r = 0; r < rows; r++) {
                    int level = levelIndex(index, c, r);
                    unknown += level == -2 ? 1 : 0;
                    x[r * width + at] = scale(f, fill(f, level < 0 ? Double.NaN : level));
                }
                return unknown;
            }
            default -> {
                return oneHot(f, index, c, x, width, at);
            }
        }
    }

    private static int oneHot(FeatureEncoding f, java.util.Map<String, Integer> index, Column c, double[] x, int width,
                              int at) {
        int unknown = 0;
        int fillLevel = Double.isNaN(f.fill()) ? -1 : (int) f.fill();
        for (int r = 0; r < c.size(); r++) {
            int level = levelIndex(index, c, r);
            if (level == -2) {
                unknown++;
            } else if (level == -1) {
                level = fillLevel;
            }
            if (level >= 0) {
                x[r * width + at + level] = 1;
            }
        }
        return unknown;
    }

    /** The level index of row r, -1 when missing, -2 when the value was never seen in training. */
    private static int levelIndex(java.util.Map<String, Integer> index, Column c, int r) {
        String v = c instanceof CategoricalColumn cat ? cat.valueAt(r) : TargetSpec.labelOf(c, r);
        if (v == null) {
            return -1;
        }
        Integer i = index.get(v);
        return i == null ? -2 : i;
    }

    private static double[] numeric(FeatureEncoding f, Column c) {
        if (c instanceof NumericColumn n) {
            return n.values();
        }
        throw new dev.triage.config.InvalidInputException("column '" + Text.printable(f.column())
                + "' was numeric in the training data but holds text here; the file does not match the model");
    }

    private static double fill(FeatureEncoding f, double v) {
        return Double.isFinite(v) || Double.isNaN(f.fill()) ? v : f.fill();
    }

    private static double scale(FeatureEncoding f, double v) {
        return (v - f.center()) / f.scale();
    }
}
