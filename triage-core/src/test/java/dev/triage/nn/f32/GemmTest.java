package dev.triage.nn.f32;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The Vector API kernels against the plain-Java ones, on shapes with and without vector tails. */
class GemmTest {
    private static final GemmF32 SCALAR = new ScalarGemmF32();
    private static final GemmF32 VECTOR = new VectorGemmF32();

    private static float[] random(int n, long seed, boolean sparse) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = sparse && r.nextInt(3) == 0 ? 0 : (float) r.nextGaussian();
        }
        return a;
    }

    @Property(tries = 60)
    void vectorKernelsMatchPlainJava(@ForAll @IntRange(min = 1, max = 13) int rows, @ForAll @IntRange(min = 1, max = 70) int in,
                                     @ForAll @IntRange(min = 1, max = 70) int out) {
        int wOff = 3;
        float[] params = random(wOff + in * out + out, rows * 1000L + in * 31 + out, false);
        int bOff = wOff + in * out;
        float[] x = random(rows * in, 7, true);
        float[] delta = random(rows * out, 9, false);
        float[] z1 = new float[rows * out];
        float[] z2 = new float[rows * out];
        SCALAR.forward(x, in, params, wOff, bOff, out, z1, 0, rows);
        VECTOR.forward(x, in, params, wOff, bOff, out, z2, 0, rows);
        assertClose(z2, z1, in);
        float[] g1 = new float[params.length];
        float[] g2 = new float[params.length];
        SCALAR.weightGradient(x, in, delta, out, rows, g1, wOff, 0, in);
        VECTOR.weightGradient(x, in, delta, out, rows, g2, wOff, 0, in);
        assertClose(g2, g1, rows);
        float[] d1 = new float[rows * in];
        float[] d2 = new float[rows * in];
        SCALAR.inputGradient(delta, out, params, wOff, in, d1, 0, rows);
        VECTOR.inputGradient(delta, out, params, wOff, in, d2, 0, rows);
        assertClose(d2, d1, out);
    }

    private static void assertClose(float[] actual, float[] expected, int terms) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-5f * terms + 1e-5f * Math.abs(expected[i])));
        }
    }

    @Test
    void rangesSplitTheWorkWithoutChangingResults() {
        int rows = 9;
        int in = 20;
        int out = 40;
        float[] params = random(in * out + out, 1, false);
        float[] x = random(rows * in, 2, false);
        float[] whole = new float[rows * out];
        float[] parts = new float[rows * out];
        VECTOR.forward(x, in, params, 0, in * out, out, whole, 0, rows);
        VECTOR.forward(x, in, params, 0, in * out, out, parts, 0, 5);
        VECTOR.forward(x, in, params, 0, in * out, out, parts, 5, rows);
        assertThat(parts).containsExactly(whole);
        float[] delta = random(rows * out, 3, false);
        float[] g = new float[params.length];
        float[] gParts = new float[params.length];
        VECTOR.weightGradient(x, in, delta, out, rows, g, 0, 0, in);
        VECTOR.weightGradient(x, in, delta, out, rows, gParts, 0, 0, 7);
        VECTOR.weightGradient(x, in, delta, out, rows, gParts, 0, 7, in);
        assertThat(gParts).containsExactly(g);
    }

    @Test
    void narrowOutputLayersSplitWithoutChangingResults() {
        int rows = 11;
        int in = 40;
        int out = 10;
        float[] params = random(in * out + out, 4, false);
        float[] x = random(rows * in, 5, false);
        float[] delta = random(rows * out, 6, false);
        float[] g = new float[params.length];
        float[] gParts = new float[params.length];
        VECTOR.weightGradient(x, in, delta, out, rows, g, 0, 0, in);
        VECTOR.weightGradient(x, in, delta, out, rows, gParts, 0, 0, 7);
        VECTOR.weightGradient(x, in, delta, out, rows, gParts, 0, 7, 23);
        VECTOR.weightGradient(x, in, delta, out, rows, gParts, 0, 23, in);
        assertThat(gParts).containsExactly(g);
        float[] dx = new float[rows * in];
        float[] dxParts = new float[rows * in];
        VECTOR.inputGradient(delta, out, params, 0, in, dx, 0, rows);
        VECTOR.inputGradient(delta, out, params, 0, in, dxParts, 0, 3);
        VECTOR.inputGradient(delta, out, params, 0, in, dxParts, 3, rows);
        assertThat(dxParts).containsExactly(dx);
    }

    @Test
    void theVectorKernelsAreChosenWhenTheModuleIsPresent() {
        assertThat(GemmChoiceF32.name()).isEqualTo("VectorGemmF32");
    }
}
