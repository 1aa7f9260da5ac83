package dev.triage.nn.f32;

import dev.triage.nn.EngineData;

/** A data set in float32: features (rows x features), targets (rows x outputs) and class labels. */
final class DataF32 implements EngineData {
    final float[] x;
    final float[] y;
    final int[] labels;
    final int rows;
    final int features;
    final int outputs;
    final Object owner;

    DataF32(float[] x, float[] y, int[] labels, int rows, int features, int outputs, Object owner) {
        this.x = x;
        this.y = y;
        this.labels = labels;
        this.rows = rows;
        this.features = features;
        this.outputs = outputs;
        this.owner = owner;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int features() {
        return features;
    }
}
