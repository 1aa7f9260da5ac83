package dev.triage.diagnose;

import static dev.triage.diagnose.Logs.epoch;
import static dev.triage.diagnose.Logs.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Activation;
import dev.triage.config.Init;
import dev.triage.probe.log.EvaluationSignals;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The documented claim (docs/architecture.md, "Doctor cost"): training rules scan the whole history, so
 * the findings, with the epoch and step they name, do not depend on how often the rules ran.
 */
class RuleFrequencyTest {
    private static final int EPOCHS = 30;

    /** A tanh network that stalls far from the baseline, saturates from epoch 5 and moves too fast at first. */
    private static void record(RunLog log, int e) {
        for (int k = 1; k <= 2; k++) {
            long step = e * 10L - 5 + 5 * (k - 1);
            double saturated = e >= 5 ? 0.9 : 0.1;
            double update = e <= 3 ? 0.08 : 1e-3;
            log.addProbe(new ProbePoint(e, step, 1e-3, 1.0, fill(3, 0.1), fill(3, 1), fill(3, update), null, null, null,
                    fill(3, 0), new double[] {saturated, 0, 0}, 0.5));
        }
        double train = e == 12 ? 9.0 : 1.0 - 0.001 * e;
        log.addEpoch(epoch(e, train, 0.99, 0.99, 0.3, 1.0));
    }

    /** The findings of the whole run, with the training rules run at the epochs {@code due} accepts and at the end. */
    private static List<Finding> run(IntPredicate due) {
        Logs.Setup s = new Logs.Setup();
        s.layers = Logs.layers(Activation.TANH, Init.XAVIER_UNIFORM, 1, 0, 16, 8);
        s.epochs = EPOCHS;
        RunLog log = Logs.log(s);
        log.setBaselines(Logs.baselines(1.0, 0.25, 0.4));
        Doctor doctor = new Doctor(Rules.all(), List.of());
        for (int e = 1; e <= EPOCHS; e++) {
            record(log, e);
            if (due.test(e)) {
                doctor.check(Phase.TRAINING, log);
            }
        }
        log.setEvaluation(new EvaluationSignals(EPOCHS, "COMPLETED", 0.97, 0.99, 0.99, 0.99, Double.NaN, EPOCHS, 0.99, false));
        doctor.check(Phase.EVALUATION, log);
        return doctor.findings();
    }

    @Test
    void theFindingsAreTheSameWhetherTheRulesRunEveryEpochSometimesOrOnlyAtTheEnd() {
        List<Finding> everyEpoch = run(e -> true);
        assertThat(everyEpoch).extracting(Finding::code).containsExactlyInAnyOrder("TRAIN_LOSS_PLATEAU",
                "TRAIN_SATURATED_ACTIVATIONS", "TRAIN_UPDATE_RATIO", "TRAIN_LOSS_OSCILLATING", "TRAIN_UNDERFITTING");
        assertThat(everyEpoch).filteredOn(f -> f.code().equals("TRAIN_SATURATED_ACTIVATIONS")).singleElement()
                .satisfies(f -> assertThat(f.step()).as("the last probe of epoch 5, where it began").isEqualTo(50L));
        for (IntPredicate due : List.<IntPredicate>of(e -> e % 2 == 0, e -> e % 7 == 0, e -> e == 13, e -> false)) {
            assertThat(run(due)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(everyEpoch);
        }
    }
}
