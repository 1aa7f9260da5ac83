package dev.triage.nn.f32;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.nn.LayerSpec;
import dev.triage.nn.NetworkSpec;
import dev.triage.nn.OptimizerSpec;
import dev.triage.nn.ParameterLayout;
import dev.triage.nn.StepStats;
import dev.triage.nn.WorkerPool;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Activations over a 128 x 512 batch (forward and backward) and one Adam step (gradient norms and the
 * update) over the parameters of the small (2,881) and wide (535,818) networks, on 1 and 2 threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ElementwiseBench {
    @Param({"small", "wide"})
    public String network;

    @Param({"1", "2"})
    public int threads;

    private final float[] pre = new float[128 * 512];
    private final float[] act = new float[pre.length];
    private final float[] grad = new float[pre.length];
    private OptimizerF32 adam;
    private WorkerPool pool;
    private float[] params;
    private float[] grads;
    private StepStats stats;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < pre.length; i++) {
            pre[i] = (float) r.nextGaussian();
            grad[i] = (float) r.nextGaussian();
        }
        NetworkSpec spec = network.equals("small") ? net(11, 64, 32, 1) : net(784, 512, 256, 10);
        ParameterLayout layout = new ParameterLayout(spec);
        pool = new WorkerPool(threads);
        params = new float[layout.size()];
        grads = new float[params.length];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (0.05 * r.nextGaussian());
            grads[i] = (float) (0.01 * r.nextGaussian());
        }
        adam = new OptimizerF32(OptimizerSpec.of(Optimizer.ADAM), layout, params.length, pool);
        stats = new StepStats(spec.layers().size());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    private static NetworkSpec net(int inputs, int... units) {
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            Activation a = i == units.length - 1 ? Activation.IDENTITY : Activation.RELU;
            layers.add(new LayerSpec(units[i], a, 0, false, Init.HE_UNIFORM, 1, 0, 1));
        }
        return new NetworkSpec(inputs, layers, Loss.MSE, 0.01, 1);
    }

    @Benchmark
    public float[] reluForward() {
        ActivationsF32.forward(Activation.RELU, 0, pre, act, 0, pre.length, 512);
        return act;
    }

    @Benchmark
    public float[] reluBackward() {
        ActivationsF32.backward(Activation.RELU, 0, pre, act, grad, 0, pre.length, 512);
        return grad;
    }

    @Benchmark
    public float[] tanhForward() {
        ActivationsF32.forward(Activation.TANH, 0, pre, act, 0, pre.length, 512);
        return act;
    }

    @Benchmark
    public float[] adamStep() {
        adam.measureAndNormalize(grads, stats);
        adam.update(params, grads, 1e-3, stats);
        return params;
    }
}
