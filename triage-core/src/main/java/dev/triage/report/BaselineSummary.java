package dev.triage.report;

import dev.triage.probe.BaselineResult;
import java.util.List;

/** The baselines a run was compared with; {@code best} is the strongest non-trivial one (or null). */
public record BaselineSummary(List<BaselineResult> results, BaselineResult best) {
}
