package dev.triage.report;

import dev.triage.config.RunConfig;
import dev.triage.diagnose.Finding;
import dev.triage.probe.log.RunLog;
import dev.triage.repair.RemedyChange;
import dev.triage.repair.RemedyPreview;
import dev.triage.repair.Remedies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The remedies of a report's findings as exact changes: {@code findings} for the report's own findings
 * (relative to the configuration they were found with) and {@code finalFindings} for those of the run a
 * repair ended with; both keyed by {@link Finding#identity()}. A finding without a plan gets its
 * remedies in words.
 */
public record RemedyPlans(Map<String, List<RemedyChange>> findings, Map<String, List<RemedyChange>> finalFindings) {
    public static final RemedyPlans NONE = new RemedyPlans(Map.of(), Map.of());

    public RemedyPlans {
        findings = Map.copyOf(findings);
        finalFindings = Map.copyOf(finalFindings);
    }

    /** Previews every remedy of {@code found} against {@code config}, the configuration the findings came from. */
    public static RemedyPlans of(List<Finding> found, RunConfig config, RunLog log) {
        return new RemedyPlans(preview(found, config, log), Map.of());
    }

    /** These plans, plus those of the final run of a repair. */
    public RemedyPlans withFinal(List<Finding> found, RunConfig config, RunLog log) {
        return new RemedyPlans(findings, preview(found, config, log));
    }

    public List<RemedyChange> of(Finding f) {
        return findings.getOrDefault(f.identity(), inWords(f));
    }

    public List<RemedyChange> ofFinal(Finding f) {
        return finalFindings.getOrDefault(f.identity(), inWords(f));
    }

    /** The remedies described in words (no configuration to change, e.g. a run trained elsewhere). */
    public static List<RemedyChange> inWords(Finding f) {
        return f.remedies().stream().map(r -> RemedyChange.action(r, Remedies.describe(r))).toList();
    }

    private static Map<String, List<RemedyChange>> preview(List<Finding> found, RunConfig config, RunLog log) {
        Map<String, List<RemedyChange>> out = new LinkedHashMap<>();
        if (config != null) {
            found.forEach(f -> out.put(f.identity(), RemedyPreview.of(f, config, log)));
        }
        return out;
    }
}
