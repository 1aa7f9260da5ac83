/**
 * Rules about the configuration and the network at initialization (codes CONFIG_* and INIT_*),
 * judged before the first update from the run setup and one forward pass on a real batch.
 */
package dev.triage.diagnose.setup;
