package dev.triage.nn;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gets the matrix kernels compiled while the command does something else (reading the data). Until
 * the JIT's optimizing compiler has compiled a Vector API kernel, every vector operation runs as plain
 * Java objects, 10-100 times slower: the first epochs of a large network took seconds. A daemon thread
 * trains two small throwaway networks whose shapes pass through every kernel path (three-, two- and
 * one-vector column blocks, column and row tails, narrow output layers, softmax and MSE, Adam, probed
 * steps, the copies of a checkpoint snapshot) for a few thousand steps, then ends. It touches no state of the run, so results are the
 * same with or without it.
 */
public final class KernelWarmup {
    /** Steps per throwaway network: enough for the compiler's thresholds on every kernel. */
    static final int STEPS = 2500;
    /** The warm-up gives up after this long (a busy machine), whatever it reached. */
    static final long BUDGET_NANOS = 6_000_000_000L;
    private static final int ROWS = 30;
    private static final int INPUTS = 13;

    private final Thread thread;
    private volatile boolean stopped;

    private KernelWarmup(DType dtype) {
        thread = new Thread(() -> run(dtype), "triage-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts warming the kernels of {@code dtype} on a daemon thread. */
    public static KernelWarmup start(DType dtype) {
        KernelWarmup w = new KernelWarmup(dtype);
        w.thread.start();
        return w;
    }

    /** Asks the warm-up to end after its current step. */
    public void stop() {
        stopped = true;
    }

    /** Whether the warm-up thread has ended (tests). */
    boolean finished(long waitMillis) throws InterruptedException {
        thread.join(waitMillis);
        return !thread.isAlive();
    }

    private void run(DType dtype) {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        train(network(Activation.IDENTITY, 1, Loss.MSE), dtype, deadline);
        train(network(Activation.SOFTMAX, 3, Loss.CROSS_ENTROPY), dtype, deadline);
    }

    /** Hidden widths 85 (3 + 2 vectors of 16 and a tail of 5) and 67 (3 + 1 vectors and a tail of 3) over 13 inputs. */
    static NetworkSpec network(Activation output, int outputs, Loss loss) {
        return new NetworkSpec(INPUTS, List.of(hidden(85), hidden(67), new LayerSpec(outputs, output, 0, false,
                Init.XAVIER_UNIFORM, 1, 0, 1)), loss, 0.01, 7);
    }

    private static LayerSpec hidden(int units) {
        return new LayerSpec(units, Activation.RELU, 0, false, Init.HE_NORMAL, 1, 0, 1);
    }

    private void train(NetworkSpec net, DType dtype, long deadline) {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        int outputs = net.outputs();
        double[] y = outputs == 1 ? r.doubles(ROWS, -1, 1).toArray() : null;
        int[] labels = outputs == 1 ? null : r.ints(ROWS, 0, outputs).toArray();
        int[] order = java.util.stream.IntStream.range(0, ROWS).toArray();
        StepStats stats = new StepStats(net.layers().size());
        try (Engine e = Engines.create(net, OptimizerSpec.of(Optimizer.ADAM), dtype, ROWS, 1)) {
            EngineData data = e.upload(x, ROWS, INPUTS, y, y != null ? 1 : outputs, labels);
            double[] parameters = null;
            double[] moments = null;
            for (int step = 1; step <= STEPS && !stopped && System.nanoTime() < deadline; step++) {
                e.trainStep(data, order, 0, ROWS - step % 3, 1e-3, step, step % 8 == 0, stats);
                if (step % 16 == 0) { // the copies a checkpoint snapshot makes, compiled before the first epoch ends
                    parameters = e.parameters(parameters);
                    moments = e.optimizerState(moments);
                }
            }
            e.evaluate(data, null);
        }
    }
}
