package dev.triage.session;

import dev.triage.config.CheckpointPolicy;
import dev.triage.config.RunConfig;
import dev.triage.config.TriageVersion;
import dev.triage.data.Encoded;
import dev.triage.data.PreparedData;
import dev.triage.data.TargetEncoding;
import dev.triage.nn.Engine;
import dev.triage.nn.EngineData;
import dev.triage.nn.Engines;
import dev.triage.nn.NetworkSpec;
import dev.triage.report.ProgressPrinter;
import dev.triage.train.AtomicFiles;
import dev.triage.train.BatchEnded;
import dev.triage.train.Checkpoint;
import dev.triage.train.CheckpointWriter;
import dev.triage.train.Evaluation;
import dev.triage.train.InputFingerprint;
import dev.triage.train.MetricsLog;
import dev.triage.train.ModelBuilder;
import dev.triage.train.RunFolder;
import dev.triage.train.RunStarted;
import dev.triage.train.StopControl;
import dev.triage.train.StopReason;
import dev.triage.train.TaskMetrics;
import dev.triage.train.TrainedModel;
import dev.triage.train.Trainer;
import dev.triage.train.TrainingListener;
import dev.triage.train.TrainingOutcome;
import dev.triage.train.TrainingSet;
import dev.triage.train.TrainingState;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one resolved configuration in its run folder, start to finish (or from a checkpoint), with
 * the doctor attached when it is enabled.
 */
final class SingleRun {
    private final RunConfig config;
    private final PreparedData data;
    private final RunFolder folder;
    private final SessionOptions options;
    private final Diagnosis diagnosis;

    SingleRun(RunConfig resolved, PreparedData data, RunFolder folder, SessionOptions options, Diagnosis diagnosis) {
        this.config = resolved;
        this.data = data;
        this.folder = folder;
        this.options = options;
        this.diagnosis = diagnosis;
    }

    /** Trains from the start, or continues from {@code from} (null for a new run) with the best weights so far. */
    RunRecord execute(Checkpoint from, double[][] bestWeights) {
        long started = System.nanoTime();
        NetworkSpec net = ModelBuilder.network(config, data);
        if (diagnosis == null) {
            MemoryCheck.requireFits(config, net, data);
        }
        try (Engine engine = engine(config, data, net)) {
            TrainingSet set = trainingSet(engine, data);
            if (diagnosis != null) {
                diagnosis.atInit(engine, set.train(), data); // a resumed run measures the same initial weights again
            }
            MetricsLog metrics = new MetricsLog(folder.metrics());
            CheckpointWriter checkpoints = new CheckpointWriter(folder, config.output().checkpoints(), data.preprocessor(),
                    config.tree(), TriageVersion.current(), from != null ? from.context().inputs() : fingerprints());
            Trainer trainer = new Trainer(engine, config, set, listeners(metrics, checkpoints));
            checkpoints.attach(trainer);
            TrainingState resume = from == null ? null : from.state();
            if (from != null) {
                metrics.continueFrom(from.context().length(folder.metrics().getFileName().toString()), resume.nextEpoch() - 1);
                if (bestWeights != null) {
                    trainer.setBestWeights(bestWeights[0], bestWeights[1]);
                }
            }
            options.interruption().attach(trainer);
            TrainingOutcome outcome;
            try {
                outcome = withFinalLosses(trainer.run(resume), engine, set);
            } finally {
                options.interruption().detach();
            }
            if (diagnosis != null) {
                diagnosis.afterTraining(engine, set, outcome, data);
            }
            TaskMetrics test = testMetrics(engine, data.test(), data.preprocessor().targetEncoding());
            TrainedModel.of(engine, data.preprocessor(), config.tree(), TriageVersion.current()).save(folder.model());
            return new RunRecord(config, data, net, outcome, test, folder, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The input files' fingerprints, kept in every checkpoint (none without checkpoints). */
    private List<InputFingerprint> fingerprints() {
        if (config.output().checkpoints() == CheckpointPolicy.NONE) {
            return List.of();
        }
        List<InputFingerprint> out = new ArrayList<>(List.of(InputFingerprint.of("data", config.data().path())));
        if (config.data().testPath() != null) {
            out.add(InputFingerprint.of("test", config.data().testPath()));
        }
        return out;
    }

    private List<TrainingListener> listeners(MetricsLog metrics, CheckpointWriter checkpoints) {
        List<TrainingListener> all = new ArrayList<>(List.of(metrics, new ProgressPrinter(options.terminal(),
                config.training().earlyStopping() != null && config.training().earlyStopping().restoreBest())));
        if (diagnosis != null) {
            all.add(diagnosis.recorder());
            all.add(diagnosis);
            all.add(new SignalJournal(folder.signals(), diagnosis.log()));
        } else {
            all.add(new NonFiniteGuard());
        }
        all.add(checkpoints); // saves at onEpochCommitted, after the others wrote the epoch
        return all;
    }

    /** Without the doctor, still stop at a non-finite loss: nothing after it is meaningful. */
    private static final class NonFiniteGuard implements TrainingListener {
        private StopControl control;

        @Override
        public void onRunStart(RunStarted e) {
            control = e.control();
        }

        @Override
        public void onBatchEnd(BatchEnded e) {
            if (!e.isFinite()) {
                control.requestStop(StopReason.NON_FINITE, "a non-finite loss at step " + e.step());
            }
        }
    }

    /** The losses of the weights the run ends with (the best ones when restored), in evaluation mode. */
    private static TrainingOutcome withFinalLosses(TrainingOutcome o, Engine engine, TrainingSet set) {
        double train = engine.evaluate(set.train(), null);
        double val = set.hasValidation() ? engine.evaluate(set.validation(), null) : Double.NaN;
        return new TrainingOutcome(o.reason(), o.detail(), o.epochsRun(), o.steps(), o.bestEpoch(),
                o.bestValidationLoss(), train, val);
    }

    /** An engine for this configuration's network, sized for its largest batch. */
    static Engine engine(RunConfig config, PreparedData data, NetworkSpec net) {
        int capacity = Trainer.batchCapacity(config.training(), data.train().rows());
        return Engines.create(net, ModelBuilder.optimizer(config.training()), config.training().dtype(), capacity,
                config.training().threads());
    }

    /** The training and validation splits uploaded to the engine. */
    static TrainingSet trainingSet(Engine engine, PreparedData data) {
        return new TrainingSet(upload(engine, data.train()),
                data.validation().rows() > 0 ? upload(engine, data.validation()) : null, data.validation(),
                data.preprocessor().targetEncoding());
    }

    static EngineData upload(Engine engine, Encoded e) {
        int outputs = engine.spec().outputs();
        return e.labels() != null ? engine.upload(e.x(), e.rows(), e.features(), null, outputs, e.labels())
                : engine.upload(e.x(), e.rows(), e.features(), e.y(), 1, null);
    }

    /** Metrics of the engine's current weights on the test rows (null when there are none). */
    static TaskMetrics testMetrics(Engine engine, Encoded test, TargetEncoding target) {
        if (test.rows() == 0) {
            return null;
        }
        double[] out = new double[test.rows() * engine.spec().outputs()];
        engine.evaluate(upload(engine, test), out);
        return Evaluation.of(out, engine.spec().outputs(), test, target);
    }

    /** Writes the resolved configuration into the run folder. */
    static void writeConfig(RunFolder folder, RunConfig resolved) {
        AtomicFiles.write(folder.config(), "# the fully resolved configuration of this run (re-run it with"
                + " triage train --config)\n" + resolved.toYaml());
    }
}
