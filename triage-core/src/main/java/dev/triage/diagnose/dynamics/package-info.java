/**
 * Rules about training dynamics and the trained model (codes TRAIN_*), judged after every epoch and at
 * the end from the recorded losses, per-layer signals and the final evaluation against the baselines.
 */
package dev.triage.diagnose.dynamics;
