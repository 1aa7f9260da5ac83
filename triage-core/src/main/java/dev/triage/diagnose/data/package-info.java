/**
 * Rules about the data, judged before the first gradient step from the column profiles, split
 * statistics and baselines (codes DATA_*). Like every rule they read only the run log.
 */
package dev.triage.diagnose.data;
