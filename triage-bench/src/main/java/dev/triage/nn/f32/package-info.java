/**
 * JMH benchmarks of the float32 kernels. They live in the kernels' own package (in a module of their
 * own) so that they can call the package-private matrix products, activations and optimizer directly.
 */
package dev.triage.nn.f32;
