package dev.triage.probe.log;

/**
 * The most extreme values of a numeric column in robust z-scores, |x - median| / (1.4826 MAD):
 * the largest score, how many values exceed the bound used, how many distinct values those are, and
 * the most repeated of them with its count (a repeated extreme value such as 999 is a sentinel).
 */
public record OutlierSummary(double maxRobustZ, double bound, long beyond, int distinctBeyond, double mostRepeated,
                             long mostRepeatedCount) {
}
