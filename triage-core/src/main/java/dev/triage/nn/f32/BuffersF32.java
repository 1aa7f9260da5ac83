package dev.triage.nn.f32;

/** Saves and restores the batch-norm running statistics of all layers, in layer order. */
final class BuffersF32 {
    private BuffersF32() {
    }

    static double[] save(LayerF32[] layers) {
        int n = 0;
        for (LayerF32 l : layers) {
            n += l.batchNorm ? 2 * l.out : 0;
        }
        double[] out = new double[n];
        int at = 0;
        for (LayerF32 l : layers) {
            if (l.batchNorm) {
                for (int j = 0; j < l.out; j++) {
                    out[at++] = l.norm.runningMean[j];
                }
                for (int j = 0; j < l.out; j++) {
                    out[at++] = l.norm.runningVar[j];
                }
            }
        }
        return out;
    }

    static void restore(LayerF32[] layers, double[] values) {
        int need = save(layers).length;
        if (values.length != need) {
            throw new IllegalArgumentException("batch-norm state has " + values.length + " values, expected " + need);
        }
        int at = 0;
        for (LayerF32 l : layers) {
            if (l.batchNorm) {
                for (int j = 0; j < l.out; j++) {
                    l.norm.runningMean[j] = (float) values[at++];
                }
                for (int j = 0; j < l.out; j++) {
                    l.norm.runningVar[j] = (float) values[at++];
                }
            }
        }
    }
}
