package dev.triage.dl4j.bench;

import dev.triage.dl4j.TriageListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The listener's overhead on the DL4J peer benchmark's MLP ({@code ../shared/bench/peers/dl4j}): wine
 * quality (white), features standardized with the training split, 80/20 split, 11-64-32-1 ReLU, MSE,
 * Adam 1e-3, XAVIER_UNIFORM, batch 32, float32, 20 epochs (the peer's defaults). Each trial builds a
 * fresh seeded network and times {@code net.fit(train, epochs)} in wall time and in the process's CPU
 * time (less disturbed by other processes on a shared machine); trials with and without the listener
 * alternate, after one warm-up trial of each, and the medians are compared. The listener runs with its defaults (4 probe iterations
 * per epoch, validation evaluated and every rule checked at each epoch end) and writes its run folder
 * once at the end (inside the clock).
 *
 * <p>Run: {@code bash triage-dl4j/bench/overhead.sh [repeats] [epochs]} (prints one line per trial and
 * a summary line).
 */
public final class ListenerOverhead {
    private ListenerOverhead() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path datasets = Path.of(System.getProperty("datasets.dir", "../shared/datasets"));
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        try {
            Nd4j.getMemoryManager().togglePeriodicGc(false);
        } catch (RuntimeException e) {
            // as the peer: optional
        }
        DataSet[] split = wineWhite(datasets.resolve("wine_quality_white.csv"), 42);
        List<DataSet> trainBatches = split[0].batchBy(32);
        List<DataSet> valBatches = split[1].batchBy(256);
        Path out = Files.createTempDirectory("triage-dl4j-bench");

        time(false, trainBatches, valBatches, epochs, out);
        time(true, trainBatches, valBatches, epochs, out);
        double[] without = new double[repeats];
        double[] with = new double[repeats];
        double[] cpuWithout = new double[repeats];
        double[] cpuWith = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            boolean first = r % 2 == 0;
            double[] a = time(first, trainBatches, valBatches, epochs, out);
            double[] b = time(!first, trainBatches, valBatches, epochs, out);
            double[] w = first ? a : b;
            double[] o = first ? b : a;
            with[r] = w[0];
            cpuWith[r] = w[1];
            without[r] = o[0];
            cpuWithout[r] = o[1];
            System.out.printf(Locale.ROOT, "{\"repeat\": %d, \"seconds_without\": %.4f, \"seconds_with\": %.4f,"
                    + " \"cpu_seconds_without\": %.4f, \"cpu_seconds_with\": %.4f}%n", r, without[r], with[r], cpuWithout[r], cpuWith[r]);
        }
        double mw = median(with);
        double mo = median(without);
        double cw = median(cpuWith);
        double co = median(cpuWithout);
        System.out.printf(Locale.ROOT, "{\"summary\": \"dl4j listener overhead\", \"epochs\": %d, \"repeats\": %d,"
                + " \"train_rows\": %d, \"median_seconds_without\": %.4f, \"median_seconds_with\": %.4f,"
                + " \"overhead_percent\": %.2f, \"median_cpu_seconds_without\": %.4f, \"median_cpu_seconds_with\": %.4f,"
                + " \"cpu_overhead_percent\": %.2f, \"loadavg_1m\": %.2f}%n", epochs, repeats, (long) split[0].numExamples(), mo, mw,
                100 * (mw / mo - 1), co, cw, 100 * (cw / co - 1),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0); // ND4J keeps non-daemon threads
    }

    /** {wall seconds, process CPU seconds} of one trial. */
    private static double[] time(boolean listener, List<DataSet> train, List<DataSet> val, int epochs, Path out) {
        MultiLayerNetwork net = peerMlp(11);
        DataSetIterator trainIter = new ListDataSetIterator<>(train, 1);
        DataSetIterator valIter = new ListDataSetIterator<>(val, 1);
        long t0 = System.nanoTime();
        long c0 = cpu();
        TriageListener doctor = null;
        if (listener) {
            doctor = TriageListener.forRegression(trainIter, valIter).report(out.resolve("run")).build();
            net.setListeners(doctor);
        }
        net.fit(trainIter, epochs);
        if (doctor != null) {
            doctor.finish();
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9};
    }

    private static long cpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    /** The peer's network: 11-64-32-1 ReLU, identity output, MSE, Adam(1e-3, 0.9, 0.999, 1e-8), XAVIER_UNIFORM, seed 42. */
    public static MultiLayerNetwork peerMlp(int inputs) {
        NeuralNetConfiguration.ListBuilder lb = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3, 0.9, 0.999, 1e-8)).weightInit(WeightInit.XAVIER_UNIFORM).list();
        int prev = inputs;
        for (int h : new int[] {64, 32}) {
            lb.layer(new DenseLayer.Builder().nIn(prev).nOut(h).activation(Activation.RELU).build());
            prev = h;
        }
        lb.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(prev).nOut(1).activation(Activation.IDENTITY).build());
        MultiLayerNetwork net = new MultiLayerNetwork(lb.build());
        net.init();
        return net;
    }

    /** Wine quality (white): shuffled 80/20, features standardized with the training split, raw target (as the peer). */
    public static DataSet[] wineWhite(Path csv, long seed) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                rows.add(Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        Collections.shuffle(rows, new Random(seed));
        int n = rows.size();
        int nTrain = n - (int) Math.ceil(0.2 * n);
        int f = rows.get(0).length - 1;
        double[] mu = new double[f];
        double[] sd = new double[f];
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j < f; j++) {
                mu[j] += rows.get(i)[j] / nTrain;
            }
        }
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j < f; j++) {
                double z = rows.get(i)[j] - mu[j];
                sd[j] += z * z / nTrain;
            }
        }
        float[][] x = new float[n][f];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                x[i][j] = (float) ((rows.get(i)[j] - mu[j]) / (sd[j] > 0 ? Math.sqrt(sd[j]) : 1));
            }
            y[i][0] = (float) rows.get(i)[f];
        }
        DataSet train = new DataSet(Nd4j.create(Arrays.copyOfRange(x, 0, nTrain)), Nd4j.create(Arrays.copyOfRange(y, 0, nTrain)));
        DataSet val = new DataSet(Nd4j.create(Arrays.copyOfRange(x, nTrain, n)), Nd4j.create(Arrays.copyOfRange(y, nTrain, n)));
        return new DataSet[] {train, val};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
