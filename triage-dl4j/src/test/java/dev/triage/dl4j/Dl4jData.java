package dev.triage.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** A shipped dataset split 80/20 into DL4J iterators, with the scaling a test asks for. */
final class Dl4jData {
    final double[][] trainX;
    final double[][] trainY;
    final double[][] valX;
    final double[][] valY;

    private Dl4jData(double[][] trainX, double[][] trainY, double[][] valX, double[][] valY) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.valX = valX;
        this.valY = valY;
    }

    static Path dataset(String name) {
        String prop = System.getProperty("triage.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "shared");
        }
        Path f = p.resolve("datasets").resolve(name);
        assertThat(f).as("a shipped dataset in ../shared/datasets").isRegularFile();
        return f;
    }

    /** Reads a CSV whose target is the last column; {@code classes} > 0 one-hot encodes integer class labels. */
    static Dl4jData load(String name, int classes, long seed) {
        List<double[]> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dataset(name));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                rows.add(Arrays.stream(line.split(",", -1)).mapToDouble(s -> s.isEmpty() ? Double.NaN : Double.parseDouble(s))
                        .toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Collections.shuffle(rows, new Random(seed));
        int n = rows.size();
        int nTrain = (int) Math.round(n * 0.8);
        int f = rows.get(0).length - 1;
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            x[i] = Arrays.copyOf(r, f);
            if (classes > 0) {
                y[i] = new double[classes];
                y[i][(int) r[f]] = 1;
            } else {
                y[i] = new double[] {r[f]};
            }
        }
        return new Dl4jData(Arrays.copyOfRange(x, 0, nTrain), Arrays.copyOfRange(y, 0, nTrain), Arrays.copyOfRange(x, nTrain, n),
                Arrays.copyOfRange(y, nTrain, n));
    }

    /** Standardizes the features with the training split's mean and std. */
    Dl4jData scaleFeatures() {
        return new Dl4jData(standardize(trainX, trainX), trainY, standardize(valX, trainX), valY);
    }

    /** Standardizes the (regression) target with the training split's mean and std. */
    Dl4jData scaleTarget() {
        return new Dl4jData(trainX, standardize(trainY, trainY), valX, standardize(valY, trainY));
    }

    private static double[][] standardize(double[][] v, double[][] fit) {
        int f = fit[0].length;
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (double[] r : fit) {
            for (int j = 0; j < f; j++) {
                mean[j] += r[j] / fit.length;
            }
        }
        for (double[] r : fit) {
            for (int j = 0; j < f; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / fit.length;
            }
        }
        double[][] out = new double[v.length][f];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < f; j++) {
                out[i][j] = (v[i][j] - mean[j]) / (sd[j] > 0 ? Math.sqrt(sd[j]) : 1);
            }
        }
        return out;
    }

    int features() {
        return trainX[0].length;
    }

    DataSetIterator train(int batch) {
        return iterator(trainX, trainY, batch);
    }

    DataSetIterator validation(int batch) {
        return iterator(valX, valY, batch);
    }

    /** Fixed mini-batches (as a user's in-memory iterator gives them), float32. */
    static DataSetIterator iterator(double[][] x, double[][] y, int batch) {
        DataSet all = new DataSet(Nd4j.create(x).castTo(DataType.FLOAT), Nd4j.create(y).castTo(DataType.FLOAT));
        return new ListDataSetIterator<>(all.batchBy(batch), 1);
    }
}
