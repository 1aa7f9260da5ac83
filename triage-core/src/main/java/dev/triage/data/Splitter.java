package dev.triage.data;

import dev.triage.config.SplitConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Divides rows into training, validation and test sets: a seeded shuffle (optionally stratified by
 * class, so each split keeps the class proportions), or file order with {@code shuffle: false},
 * where the last rows are the test set.
 */
public final class Splitter {
    private Splitter() {
    }

    /**
     * @param labels class index per row for stratification, or null
     * @param withTest false when a separate test file is used (no test rows are taken here)
     */
    public static Split split(int n, int[] labels, SplitConfig cfg, boolean withTest) {
        double testShare = withTest ? cfg.test() : 0;
        if (!cfg.shuffle()) {
            int nTest = (int) Math.round(testShare * n);
            int nVal = (int) Math.round(cfg.validation() * n);
            int nTrain = Math.max(1, n - nTest - nVal);
            return new Split(range(0, nTrain), range(nTrain, Math.min(n, nTrain + nVal)), range(Math.min(n, nTrain + nVal), n));
        }
        SplittableRandom rng = new SplittableRandom(cfg.seed());
        if (labels == null) {
            int[] all = range(0, n);
            shuffle(all, rng);
            return slice(all, testShare, cfg.validation());
        }
        return stratified(labels, testShare, cfg.validation(), rng);
    }

    private static Split slice(int[] rows, double test, double validation) {
        int n = rows.length;
        int nTest = (int) Math.round(test * n);
        int nVal = (int) Math.round(validation * n);
        int nTrain = Math.max(1, n - nTest - nVal);
        nVal = Math.min(nVal, n - nTrain);
        return new Split(copy(rows, 0, nTrain), copy(rows, nTrain, nTrain + nVal), copy(rows, nTrain + nVal, n));
    }

    private static Split stratified(int[] labels, double test, double validation, SplittableRandom rng) {
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int r = 0; r < labels.length; r++) {
            byClass.get(labels[r]).add(r);
        }
        IntList train = new IntList();
        IntList val = new IntList();
        IntList tst = new IntList();
        for (List<Integer> rows : byClass) {
            int[] members = rows.stream().mapToInt(Integer::intValue).toArray();
            shuffle(members, rng);
            Split part = slice(members, test, validation);
            train.addAll(part.train());
            val.addAll(part.validation());
            tst.addAll(part.test());
        }
        int[] tr = train.toArray();
        int[] va = val.toArray();
        int[] te = tst.toArray();
        shuffle(tr, rng);
        shuffle(va, rng);
        shuffle(te, rng);
        return new Split(tr, va, te);
    }

    /** Fisher-Yates. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static int[] range(int from, int to) {
        int[] out = new int[Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static int[] copy(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void addAll(int[] more) {
            if (size + more.length > values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
