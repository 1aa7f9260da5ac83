package dev.triage.nn.f32;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One dense layer's three matrix products (forward, weight gradient, input gradient) at the shapes of
 * the small and wide benchmark networks, with the Vector API kernels and the plain-Java ones.
 * Shapes are rows x inputs x outputs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DenseKernelBench {
    @Param({"32x11x64", "32x64x32", "32x32x1", "128x784x512", "128x512x256", "128x256x10"})
    public String shape;

    @Param({"vector", "scalar"})
    public String kernel;

    private GemmF32 gemm;
    private int rows;
    private int in;
    private int out;
    private float[] x;
    private float[] w;
    private float[] z;
    private float[] delta;
    private float[] g;
    private float[] dx;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        rows = Integer.parseInt(p[0]);
        in = Integer.parseInt(p[1]);
        out = Integer.parseInt(p[2]);
        gemm = kernel.equals("vector") ? new VectorGemmF32() : new ScalarGemmF32();
        SplittableRandom r = new SplittableRandom(42);
        x = random(r, rows * in);
        w = random(r, in * out + out);
        delta = random(r, rows * out);
        z = new float[rows * out];
        g = new float[w.length];
        dx = new float[rows * in];
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    @Benchmark
    public float[] forward() {
        gemm.forward(x, in, w, 0, in * out, out, z, 0, rows);
        return z;
    }

    @Benchmark
    public float[] weightGradient() {
        gemm.weightGradient(x, in, delta, out, rows, g, 0, 0, in);
        return g;
    }

    @Benchmark
    public float[] inputGradient() {
        gemm.inputGradient(delta, out, w, 0, in, dx, 0, rows);
        return dx;
    }
}
