package dev.triage.dl4j;

import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.SkippedRule;
import dev.triage.probe.log.RunLog;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage's doctor while DL4J trains: runs the rules of a phase, logs each new finding through SLF4J as
 * it fires, and with {@code stopOnError} asks to stop at the first error finding.
 */
final class LiveDoctor {
    // users configure logging by the public class's name, so every part of the listener logs under it
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);

    private final Doctor doctor;
    private final boolean stopOnError;
    private final ListenerStatus status;

    LiveDoctor(Doctor doctor, boolean stopOnError, ListenerStatus status) {
        this.doctor = doctor;
        this.stopOnError = stopOnError;
        this.status = status;
    }

    void check(Phase phase, RunLog log) {
        announce(doctor.check(phase, log));
    }

    List<Finding> findings() {
        return doctor.findings();
    }

    List<SkippedRule> skipped(RunLog log) {
        return doctor.skipped(log);
    }

    private void announce(List<Finding> fresh) {
        for (Finding f : fresh) {
            String text = describe(f);
            switch (f.severity()) {
                case ERROR -> LOG.error(text);
                case WARNING -> LOG.warn(text);
                default -> LOG.info(text);
            }
            if (stopOnError && f.severity() == Severity.ERROR && !status.stopRequested()) {
                status.requestStop();
                LOG.warn("Triage asks to stop training after {}: DL4J cannot be stopped by a listener, so the listener stops"
                        + " recording; check shouldStop() between epochs or use terminationCondition()", f.code());
            }
        }
    }

    private static String describe(Finding f) {
        String remedies = f.remedies().stream().map(Remedy::name).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String where = f.where() == null ? "" : " [" + f.where() + "]";
        return "Triage " + f.severity().label() + " " + f.code() + where + ": " + f.message()
                + (remedies.isEmpty() ? "" : " (try: " + remedies + ")");
    }
}
