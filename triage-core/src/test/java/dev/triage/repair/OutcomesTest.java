package dev.triage.repair;

import static dev.triage.repair.VerdictTest.finding;
import static dev.triage.repair.VerdictTest.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.RunLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a repair ends (repaired, improved, unresolved, unrepairable), and what a trial's result says. */
class OutcomesTest {
    private static final TrialResult CLEAN = trial(0.5);
    private static final TrialResult ERRORS = trial(0.5, finding("TRAIN_LOSS_OSCILLATING", Severity.ERROR, null),
            finding("TRAIN_LOSS_OSCILLATING", Severity.ERROR, "again"), finding("CONFIG_X", Severity.WARNING, null));
    private static final TrialResult BEHIND = trial(0.5, finding("TRAIN_UNDERFITTING", Severity.ERROR, null));

    private static RepairOutcome of(TrialResult last, List<Remedy> kept, RepairLoop.Stop stop) {
        return Outcomes.of(ERRORS, last, kept, List.of(), stop);
    }

    @Test
    void keptRemediesRepairOrImprove() {
        RepairOutcome repaired = of(CLEAN, List.of(Remedy.USE_ADAM), null);
        assertThat(repaired.outcome()).isEqualTo(RepairOutcome.Outcome.REPAIRED);
        assertThat(repaired.explanation()).isEqualTo("no error finding remains after [USE_ADAM]");
        assertThat(repaired.attempted()).isTrue();
        RepairOutcome improved = of(ERRORS, List.of(Remedy.USE_ADAM), new RepairLoop.Stop(false, "trial budget spent"));
        assertThat(improved.outcome()).isEqualTo(RepairOutcome.Outcome.IMPROVED);
        assertThat(improved.explanation()).isEqualTo("kept [USE_ADAM]; still [TRAIN_LOSS_OSCILLATING]; trial budget spent");
        assertThat(of(BEHIND, List.of(Remedy.USE_ADAM), null).explanation())
                .isEqualTo("kept [USE_ADAM]; still [TRAIN_UNDERFITTING]");
        assertThat(of(trial(Double.NaN), List.of(Remedy.USE_ADAM), null).outcome()).as("no score but no log: not behind")
                .isEqualTo(RepairOutcome.Outcome.REPAIRED);
        RunLog ended = new RunLog();
        ended.setEvaluation(new EvaluationSignals(5, "NON_FINITE", 1, 1, 1, Double.NaN, Double.NaN, 5, 1, false));
        RepairOutcome noScore = of(new TrialResult(null, List.of(), ended, Double.NaN, Double.NaN, "run"), List.of(Remedy.USE_ADAM),
                null);
        assertThat(noScore.outcome()).as("no error, but a run that ended without a score").isEqualTo(RepairOutcome.Outcome.IMPROVED);
        assertThat(noScore.explanation()).isEqualTo("kept [USE_ADAM]; still behind the best baseline");
    }

    @Test
    void withoutKeptRemediesARunIsUnresolvedOrUnrepairable() {
        assertThat(of(CLEAN, List.of(), new RepairLoop.Stop(true, "the data has no target")).explanation())
                .isEqualTo("the data has no target");
        RepairOutcome lost = of(BEHIND, List.of(), new RepairLoop.Stop(false, "every remedy was tried"));
        assertThat(lost.outcome()).isEqualTo(RepairOutcome.Outcome.UNREPAIRABLE);
        assertThat(lost.explanation()).isEqualTo("every remedy was tried, and the network still loses to the best baseline");
        RepairOutcome left = of(ERRORS, List.of(), new RepairLoop.Stop(false, "every remedy was tried"));
        assertThat(left.outcome()).isEqualTo(RepairOutcome.Outcome.UNRESOLVED);
        assertThat(left.explanation()).isEqualTo("errors remain ([TRAIN_LOSS_OSCILLATING]); every remedy was tried, though the"
                + " network does not lose to the baselines");
        RepairOutcome noHelp = Outcomes.of(ERRORS, BEHIND, List.of(), List.of(), null);
        assertThat(noHelp.outcome()).isEqualTo(RepairOutcome.Outcome.UNRESOLVED);
        assertThat(noHelp.explanation()).isEqualTo("errors remain ([TRAIN_UNDERFITTING]); no remedy helped within 0 trial(s)");
        assertThat(noHelp.finalFindings()).isEqualTo(BEHIND.findings());
    }

    @Test
    void aTrialIsJudgedByItsErrorsAndItsScore() {
        assertThat(ERRORS.errors()).hasSize(2);
        assertThat(ERRORS.has("TRAIN_LOSS_OSCILLATING")).isTrue();
        assertThat(ERRORS.has("CONFIG_X")).as("a warning").isFalse();
        assertThat(trial(Double.NaN).score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(trial(0.25).score()).isEqualTo(0.25);
        assertThat(CLEAN.scoreName()).isEqualTo("validation score");
        RunLog noValidation = new RunLog();
        noValidation.setEvaluation(new EvaluationSignals(5, "COMPLETED", 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 5,
                Double.NaN, false, 0.4));
        assertThat(new TrialResult(null, List.of(), noValidation, 0.4, Double.NaN, "run").scoreName())
                .isEqualTo("training-rows score (no validation split)");
        RunLog neither = new RunLog();
        neither.setEvaluation(new EvaluationSignals(5, "COMPLETED", 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 5,
                Double.NaN, false, Double.NaN));
        assertThat(new TrialResult(null, List.of(), neither, Double.NaN, Double.NaN, "run").scoreName()).isEqualTo("validation score");
        RunLog withValidation = new RunLog();
        withValidation.setEvaluation(new EvaluationSignals(5, "COMPLETED", 1, 1, 1, 0.5, Double.NaN, 5, 1, false, 0.4));
        assertThat(new TrialResult(null, List.of(), withValidation, 0.5, Double.NaN, "run").scoreName()).isEqualTo("validation score");
        assertThat(RepairLoop.behind(new TrialResult(null, List.of(), withValidation, Double.NaN, Double.NaN, "run")))
                .as("ended without a score").isTrue();
    }
}
