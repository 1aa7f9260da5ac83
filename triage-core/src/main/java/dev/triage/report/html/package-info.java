/**
 * The self-contained HTML report ({@code report.html}): inline SVG charts drawn here in Java, no
 * script and nothing fetched from the network. It reads only what a run folder holds
 * ({@code report.json}, {@code signals.jsonl} and those of repair trials), so {@code triage report}
 * can redraw any run folder, including ones whose signals came from another framework.
 * May depend on config and data (text helpers) and on the JSON written by {@code report}.
 */
package dev.triage.report.html;
