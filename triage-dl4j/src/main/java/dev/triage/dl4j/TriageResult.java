package dev.triage.dl4j;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Severity;
import dev.triage.report.SkippedCheck;
import java.nio.file.Path;
import java.util.List;

/**
 * What the doctor found in a DL4J run: the findings worst first (the same {@link Finding} records as
 * Triage's own runs), the run folder holding {@code signals.jsonl}, {@code report.json} and
 * {@code report.html} (null when no folder was asked for or it could not be written), the checks that
 * could not run and why, the first non-finite value as DL4J names it (null when none), whether the
 * doctor asked to stop, and why the listener switched itself off (null when it did not).
 *
 * <pre>{@code
 * TriageResult r = doctor.result();
 * r.findings().forEach(f -> System.out.println(f.code() + " " + f.message()));
 * }</pre>
 */
public record TriageResult(List<Finding> findings, Path runDir, List<SkippedCheck> checksNotRun, NonFinite firstNonFinite,
                           boolean stopRequested, String disabledReason) {
    public TriageResult {
        findings = List.copyOf(findings);
        checksNotRun = List.copyOf(checksNotRun);
    }

    /**
     * The first NaN or infinity of the run: the iteration, what held it ({@code loss}, {@code weight},
     * {@code activation}, {@code gradient}), the DL4J layer index and name and the parameter
     * ({@code "W"}, {@code "b"}; null for a loss or activation).
     */
    public record NonFinite(long iteration, int epoch, String quantity, int dl4jLayerIndex, String layerName,
                            String parameter) {
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings with this code (e.g. {@code "TRAIN_NAN_LOSS"}). */
    public List<Finding> withCode(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }
}
