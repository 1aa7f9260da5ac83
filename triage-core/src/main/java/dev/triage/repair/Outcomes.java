package dev.triage.repair;

import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Remedy;
import java.util.List;

/**
 * How a repair ended. {@code unrepairable} (exit code 3) only for a data error no configuration can fix,
 * or when every applicable remedy was tried and the network still loses to a baseline; errors that
 * remain while the network holds its own against the baselines, or a trial budget spent, leave the
 * run {@code unresolved} (exit code 1).
 */
final class Outcomes {
    private Outcomes() {
    }

    static RepairOutcome of(TrialResult original, TrialResult last, List<Remedy> kept, List<RepairTrial> trials,
                            RepairLoop.Stop stop) {
        boolean errorsLeft = !last.errors().isEmpty();
        boolean behind = RepairLoop.behind(last);
        String still = last.errors().stream().map(Finding::code).distinct().toList().toString();
        String why = stop == null ? "" : "; " + stop.reason();
        if (stop != null && stop.unfixable()) {
            return outcome(RepairOutcome.Outcome.UNREPAIRABLE, trials, stop.reason(), last);
        }
        if (!kept.isEmpty()) {
            return !errorsLeft && !behind
                    ? outcome(RepairOutcome.Outcome.REPAIRED, trials, "no error finding remains after " + kept, last)
                    : outcome(RepairOutcome.Outcome.IMPROVED, trials, "kept " + kept + "; still "
                    + (errorsLeft ? still : "behind the best baseline") + why, last);
        }
        if (stop != null && behind) {
            return outcome(RepairOutcome.Outcome.UNREPAIRABLE, trials, stop.reason()
                    + ", and the network still loses to the best baseline", last);
        }
        String left = errorsLeft ? "errors remain (" + still + ")" : "the network still trails the best baseline";
        return outcome(RepairOutcome.Outcome.UNRESOLVED, trials, left + (stop != null ? why
                : "; no remedy helped within " + trials.size() + " trial(s)") + (behind ? "" : ", though the network"
                + " does not lose to the baselines"), last);
    }

    private static RepairOutcome outcome(RepairOutcome.Outcome o, List<RepairTrial> trials, String text, TrialResult last) {
        return new RepairOutcome(true, o, trials, text, last.findings());
    }
}
