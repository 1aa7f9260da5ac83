/**
 * The run log of signals: what was measured about a run (setup, data, initialization, losses, per-layer
 * statistics, final evaluation), as plain records. It depends on nothing but {@code config}'s names,
 * so a run of another framework (or a bare loss log) can fill it; absent signals are null or empty and
 * the rules that need them stay silent. Rules in {@code diagnose} read only these types.
 */
package dev.triage.probe.log;
