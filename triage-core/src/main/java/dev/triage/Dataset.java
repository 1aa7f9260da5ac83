package dev.triage;

import dev.triage.config.InvalidInputException;
import dev.triage.data.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Data held in memory: a matrix of features (one row per example), a target per row, and names for the
 * columns. Triage writes it as a CSV file into the run's output folder before training, so the run's
 * {@code run.yaml} points at the exact data it was trained on and can be trained again.
 *
 * <pre>{@code
 * Dataset data = Dataset.of(x, y, List.of("rooms", "area", "age"), "price");
 * }</pre>
 */
public final class Dataset {
    private final double[][] features;
    private final String[] target;
    private final List<String> names;
    private final String targetName;

    private Dataset(double[][] features, String[] target, List<String> names, String targetName) {
        this.features = features;
        this.target = target;
        this.names = List.copyOf(names);
        this.targetName = targetName;
        check();
    }

    /** A numeric target (regression, or integer class labels with {@code task: classification}). NaN is a missing value. */
    public static Dataset of(double[][] features, double[] target, List<String> featureNames, String targetName) {
        String[] t = new String[target.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Double.isNaN(target[i]) ? "" : Text.number(target[i]);
        }
        return new Dataset(features, t, featureNames, targetName);
    }

    /** Single-precision features. */
    public static Dataset of(float[][] features, double[] target, List<String> featureNames, String targetName) {
        double[][] x = new double[features.length][];
        for (int r = 0; r < x.length; r++) {
            x[r] = new double[features[r].length];
            for (int c = 0; c < x[r].length; c++) {
                x[r][c] = features[r][c];
            }
        }
        return of(x, target, featureNames, targetName);
    }

    /** Class labels as text ("cat", "dog"); null is a missing label. */
    public static Dataset classes(double[][] features, String[] labels, List<String> featureNames, String targetName) {
        String[] t = new String[labels.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels[i] == null ? "" : labels[i];
        }
        return new Dataset(features, t, featureNames, targetName);
    }

    public int rows() {
        return features.length;
    }

    public String targetName() {
        return targetName;
    }

    private void check() {
        if (features.length != target.length) {
            throw new InvalidInputException("Dataset: " + features.length + " feature rows but " + target.length
                    + " targets; give one target per row");
        }
        if (names.contains(targetName)) {
            throw new InvalidInputException("Dataset: the target name '" + Text.printable(targetName)
                    + "' is also a feature name; give the target its own name");
        }
        for (int r = 0; r < features.length; r++) {
            if (features[r].length != names.size()) {
                throw new InvalidInputException("Dataset: row " + r + " has " + features[r].length + " features but "
                        + names.size() + " names were given; give every row one value per feature name");
            }
        }
    }

    /** Writes the data as CSV (features, then the target); shortest round-trip numbers, so nothing is rounded. */
    Path writeCsv(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String n : names) {
                    w.write(quote(n));
                    w.write(',');
                }
                w.write(quote(targetName));
                w.write('\n');
                for (int r = 0; r < features.length; r++) {
                    for (double v : features[r]) {
                        w.write(Double.isFinite(v) ? Double.toString(v) : Double.isNaN(v) ? "" : v > 0 ? "Infinity" : "-Infinity");
                        w.write(',');
                    }
                    w.write(quote(target[r]));
                    w.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the data for the run", e);
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
