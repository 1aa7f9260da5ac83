/**
 * Repair: remedies as pure configuration changes, and the loop that tries them one at a time,
 * retrains, and keeps a change only when it measurably helps.
 *
 * <p>Layer 6: may use everything below it ({@code config} .. {@code diagnose}). It does not run
 * training itself; it is handed a function that runs a configuration.
 */
package dev.triage.repair;
