/**
 * Reports: the JSON report of docs/findings.md, the text summary, and the self-contained HTML report.
 *
 * <p>Layer 7 (top of the library): may use every package below it.
 */
package dev.triage.report;
