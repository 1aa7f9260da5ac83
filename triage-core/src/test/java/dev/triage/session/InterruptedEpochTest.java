package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.nn.Engine;
import dev.triage.train.BatchEnded;
import dev.triage.train.ConfigResolution;
import dev.triage.train.EpochEnded;
import dev.triage.train.Interruption;
import dev.triage.train.ModelBuilder;
import dev.triage.train.StopReason;
import dev.triage.train.Trainer;
import dev.triage.train.TrainingListener;
import dev.triage.train.TrainingOutcome;
import dev.triage.train.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C between two steps of an epoch: the epoch is abandoned and the weights go back to the last saved epoch. */
class InterruptedEpochTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptInTheMiddleOfAnEpochRollsBackToTheLastCompletedOne() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        Random r = new Random(3);
        for (int i = 0; i < 60; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", a, b, a - 2 * b));
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        RunConfig cfg = RunConfig.load(null, List.of("data.path=" + dir.resolve("d.csv"), "data.target=y",
                "training.batch_size=8", "training.epochs=5", "doctor.enabled=false"), dir);
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        Interruption interruption = new Interruption();
        List<Integer> committed = new ArrayList<>();
        List<TrainingState> saved = new ArrayList<>();
        Trainer[] trainer = new Trainer[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEnded e) {
                if (e.epoch() == 2 && e.step() == 9) { // the 3rd of epoch 2's 6 steps
                    interruption.interrupt();
                }
            }

            @Override
            public void onEpochCommitted(EpochEnded e) {
                committed.add(e.epoch());
                saved.add(trainer[0].snapshot(e.epoch())); // as the checkpoint writer does
            }
        };
        try (Engine engine = SingleRun.engine(resolved, data, ModelBuilder.network(resolved, data.target(),
                data.preprocessor().width()))) {
            trainer[0] = new Trainer(engine, resolved, SingleRun.trainingSet(engine, data), List.of(listener));
            trainer[0].rollBackTo(() -> saved.get(saved.size() - 1));
            interruption.attach(trainer[0]);
            TrainingOutcome o = trainer[0].run(null);
            assertThat(o.reason()).isEqualTo(StopReason.INTERRUPTED);
            assertThat(o.epochsRun()).isEqualTo(1);
            assertThat(o.detail()).contains("during epoch 2").contains("those of epoch 1");
            assertThat(committed).containsExactly(1);
            assertThat(engine.parameters()).isEqualTo(saved.get(0).parameters());
        }
    }
}
