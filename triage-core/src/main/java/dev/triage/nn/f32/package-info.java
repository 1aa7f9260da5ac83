/**
 * The float32 engine. Its sources are also the template of the float64 engine ({@code nn.f64}),
 * which the build generates by replacing float with double. Write no float literal suffixes here
 * ({@code 0.5f}); cast instead ({@code (float) 0.5}) so the generated code keeps full precision.
 */
package dev.triage.nn.f32;
