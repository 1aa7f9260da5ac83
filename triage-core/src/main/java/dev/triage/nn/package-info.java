/**
 * The instrumented MLP engine: dense layers, activations, losses, batch norm, dropout, optimizers and
 * gradient normalization, in float32 ({@code nn.f32}) and float64 ({@code nn.f64}, generated from
 * the float32 sources). The engine computes the doctor's signals (gradient, weight and update norms,
 * activation statistics, non-finite values) inside its own passes, so watching costs little.
 *
 * <p>Layer 2: may use {@code dev.triage.config} (the names of activations, losses, optimizers).
 * It knows nothing about files, data tables or training loops.
 */
package dev.triage.nn;
