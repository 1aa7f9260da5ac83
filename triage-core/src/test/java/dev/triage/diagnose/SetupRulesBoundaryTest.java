package dev.triage.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Optimizer;
import dev.triage.diagnose.setup.BatchSizeRule;
import dev.triage.diagnose.setup.MemoryRule;
import dev.triage.diagnose.setup.RegularizationRule;
import dev.triage.probe.log.InitSignals;
import dev.triage.probe.log.RunLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory, regularization and batch size: quiet cases, bounds and evidence. */
class SetupRulesBoundaryTest {
    private static final long MB = 1 << 20;

    private static List<Finding> memory(long estimated) {
        Logs.Setup s = new Logs.Setup();
        s.estimatedBytes = estimated;
        return new MemoryRule().check(Logs.log(s));
    }

    @Test
    void memoryWarnsAboveEightyPercentOfTheHeapAndFailsAboveIt() {
        long heap = 1L << 30;
        assertThat(memory(858_993_459)).as("0.8 x 1 GiB, rounded down").isEmpty();
        assertThat(memory(858_993_460)).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(memory(heap)).as("exactly the heap").singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(memory(heap + 300 * MB)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.phase()).isEqualTo(Phase.CONFIG);
            assertThat(f.message()).isEqualTo("training needs about 1324 MB but the JVM may use 1024 MB; raise it with"
                    + " TRIAGE_JAVA_OPTS=-Xmx<size> or shrink the batch or network");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("estimated_mb", 1324.0), Map.entry("heap_mb", 1024.0));
            assertThat(f.remedies()).containsExactly(Remedy.CHANGE_BATCH_SIZE, Remedy.REDUCE_CAPACITY);
        });
        Logs.Setup unknown = new Logs.Setup();
        unknown.estimatedBytes = 1L << 40;
        unknown.maxHeap = 0;
        assertThat(new MemoryRule().check(Logs.log(unknown))).as("no heap limit known").isEmpty();
    }

    /** A run of 10 epochs of one step each at rate 0.5: decay alone shrinks the weights by e^(-5 x decay). */
    private static RunLog regularized(double weightDecay, double penalty, double dataLoss) {
        Logs.Setup s = new Logs.Setup();
        s.lr = 0.5;
        s.batch = 1000;
        s.trainRows = 1000;
        s.epochs = 10;
        s.l2 = 0.5;
        s.weightDecay = weightDecay;
        RunLog log = Logs.log(s);
        log.setInit(new InitSignals(256, dataLoss, 1, dataLoss, penalty, new double[3], new double[3], new double[3],
                new double[3], 1, 1));
        return log;
    }

    @Test
    void aPenaltyAboveAQuarterOfTheDataLossWarnsAndAboveItFails() {
        RegularizationRule rule = new RegularizationRule();
        assertThat(rule.check(regularized(0, 0.5, 2))).as("0.25 is on the bound").isEmpty();
        assertThat(rule.check(regularized(0, 0.75, 3))).as("0.25 again").isEmpty();
        assertThat(rule.check(regularized(0, 2, -2))).as("1x, with the loss's size").singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(rule.check(regularized(0, 2.5, 2))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.phase()).isEqualTo(Phase.CONFIG);
            assertThat(f.message()).isEqualTo("the L1/L2 penalty of the initial weights (2.5) is 1.25x the data loss (2) with l1 0,"
                    + " l2 0.5: the optimizer will mostly shrink weights");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("penalty_to_loss", 1.25), Map.entry("l1", 0.0),
                    Map.entry("l2", 0.5), Map.entry("bound", 1.0));
            assertThat(f.remedies()).containsExactly(Remedy.REDUCE_REGULARIZATION);
        });
        assertThat(rule.check(regularized(0, 0.3, 1))).singleElement().extracting(f -> f.evidence().get("bound")).isEqualTo(0.25);
        assertThat(rule.check(regularized(0, 1e-9, 0))).as("a zero loss is not divided by").singleElement()
                .extracting(f -> f.evidence().get("penalty_to_loss")).isEqualTo(1e-9 / 1e-12);
    }

    @Test
    void weightDecayThatShrinksTheWeightsBeyondEToTheMinusFive() {
        RegularizationRule rule = new RegularizationRule();
        assertThat(rule.check(regularized(1, 0, 1))).as("e^-5 is on the bound").isEmpty();
        assertThat(rule.check(regularized(1.25, 0, 1))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("weight_decay 1.25 alone would shrink the weights by e^-6.25 over the run");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("log_shrink", -6.25), Map.entry("weight_decay", 1.25));
            assertThat(f.remedies()).containsExactly(Remedy.REDUCE_REGULARIZATION);
        });
        assertThat(rule.check(regularized(4, 0, 1))).as("e^-20 is still a warning").singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(rule.check(regularized(4.5, 0, 1))).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    private static List<Finding> batch(Optimizer o, int batch, int rows) {
        Logs.Setup s = new Logs.Setup();
        s.optimizer = o;
        s.batch = batch;
        s.trainRows = rows;
        return new BatchSizeRule().check(Logs.log(s));
    }

    @Test
    void aBatchOfAllRowsFailsOneRowLessDoesNot() {
        assertThat(batch(Optimizer.SGD, 999, 1000)).isEmpty();
        assertThat(batch(Optimizer.SGD, 1000, 1000)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("batch size 1000 covers all 1000 training rows: one update per epoch, 50 updates in"
                    + " the whole run");
            assertThat(f.evidence().asMap()).containsExactly(Map.entry("batch_size", 1000.0), Map.entry("train_rows", 1000.0),
                    Map.entry("total_steps", 50.0));
            assertThat(f.remedies()).containsExactly(Remedy.CHANGE_BATCH_SIZE);
        });
        assertThat(batch(Optimizer.SGD, 0, 1000)).as("a size another framework did not record").isEmpty();
        assertThat(batch(Optimizer.SGD, 32, 0)).isEmpty();
    }

    @Test
    void aBatchOfOneWarnsOnlyForAdaptiveOptimizers() {
        assertThat(batch(Optimizer.SGD, 1, 1000)).isEmpty();
        assertThat(batch(Optimizer.MOMENTUM, 1, 1000)).isEmpty();
        assertThat(batch(Optimizer.ADAM, 2, 1000)).isEmpty();
        for (Optimizer o : List.of(Optimizer.ADAM, Optimizer.ADAMW, Optimizer.RMSPROP, Optimizer.ADAGRAD)) {
            assertThat(batch(o, 1, 1000)).as(o.name()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).isEqualTo("batch size 1 with " + o.configName()
                        + ": every step follows one row's noisy gradient");
                assertThat(f.evidence().get("total_steps")).isEqualTo(50_000);
            });
        }
    }
}
