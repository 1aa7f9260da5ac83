package dev.triage.train;

import dev.triage.config.Optimizer;
import dev.triage.config.PhaseConfig;
import dev.triage.config.RunConfig;
import dev.triage.config.TrainingConfig;
import dev.triage.nn.Engine;
import dev.triage.nn.Seeds;
import dev.triage.nn.StepStats;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The training loop: epochs of shuffled mini-batches (or full-batch L-BFGS iterations), an optional
 * second phase with another optimizer, the learning-rate schedule, early stopping, and listener
 * events. Shuffles and dropout masks derive from the seed and the epoch/step, so the same seed and
 * thread count give the same curve, and a resumed run continues exactly.
 */
public final class Trainer implements StopControl {
    /** With {@code check_every: auto}, about this many probed steps per epoch. */
    static final int PROBES_PER_EPOCH = 4;

    private final Engine engine;
    private final TrainingConfig cfg;
    private final TrainingSet data;
    private final List<TrainingListener> listeners;
    private final int batchSize;
    private final int stepsPerEpoch;
    private final int probeInterval;
    private final boolean doctor;
    private final LearningRateSchedule schedule;
    private final EarlyStopping earlyStopping;
    private final StepStats stats;
    private final EpochLoop loop;
    private volatile StopReason stopReason;
    private volatile String stopDetail;
    /** The state last saved (a checkpoint on disk; null when none): an interrupted epoch rolls back to it. */
    private Supplier<TrainingState> lastSaved = () -> null;

    public Trainer(Engine engine, RunConfig config, TrainingSet data, List<TrainingListener> listeners) {
        this.engine = engine;
        this.cfg = config.training();
        this.data = data;
        this.listeners = List.copyOf(listeners);
        int n = data.train().rows();
        this.batchSize = Math.min(cfg.batchSize(), n);
        this.stepsPerEpoch = cfg.optimizer() == Optimizer.LBFGS ? 1 : (n + batchSize - 1) / batchSize;
        this.doctor = config.doctor().enabled();
        int every = config.doctor().checkEvery();
        this.probeInterval = every > 0 ? every : Math.max(1, Math.round(stepsPerEpoch / (float) PROBES_PER_EPOCH));
        this.schedule = new LearningRateSchedule(cfg.schedule(), cfg.learningRate(), cfg.epochs());
        this.earlyStopping = cfg.earlyStopping() == null ? null : new EarlyStopping(cfg.earlyStopping());
        this.stats = new StepStats(engine.spec().layers().size());
        this.loop = new EpochLoop(n);
    }

    /** Largest batch the loop uses: the engine must hold this many rows. */
    public static int batchCapacity(TrainingConfig cfg, int trainRows) {
        return Math.max(1, Math.min(cfg.batchSize(), trainRows));
    }

    @Override
    public void requestStop(StopReason reason, String detail) {
        if (stopReason == null) {
            stopDetail = detail;
            stopReason = reason;
        }
    }

    public Engine engine() {
        return engine;
    }

    /** Runs from the start, or from {@code resume} when not null. */
    public TrainingOutcome run(TrainingState resume) {
        int first = 1;
        if (resume != null) {
            first = restore(resume);
        }
        int total = cfg.totalEpochs();
        RunStarted start = new RunStarted(first, total, stepsPerEpoch, data.train().rows(),
                data.hasValidation() ? data.validation().rows() : 0, engine.parameterCount(), probeInterval, this);
        listeners.forEach(l -> l.onRunStart(start));
        int epochsRun = first - 1;
        for (int epoch = first; epoch <= total && stopReason == null; epoch++) {
            enterPhase(epoch);
            runEpoch(epoch);
            if (loop.abandoned) {
                rollBack(epoch);
            } else {
                epochsRun = epoch; // an epoch that broke off at a non-finite value counts as run
            }
        }
        loop.finish(cfg.earlyStopping() != null && cfg.earlyStopping().restoreBest(), engine);
        StopReason reason = stopReason == null ? StopReason.COMPLETED : stopReason;
        RunEnded end = new RunEnded(reason, stopDetail, epochsRun, loop.step, loop.bestEpoch, loop.bestValidationLoss);
        listeners.forEach(l -> l.onRunEnd(end));
        return new TrainingOutcome(reason, stopDetail, epochsRun, loop.step, loop.bestEpoch, loop.bestValidationLoss,
                loop.lastTrainLoss, loop.lastValidationLoss);
    }

    private void enterPhase(int epoch) {
        PhaseConfig then = cfg.then();
        if (then != null && epoch == cfg.epochs() + 1) {
            engine.resetOptimizer(ModelBuilder.optimizer(cfg).withKind(then.optimizer()));
            loop.phase = 1;
        }
    }

    private Optimizer currentOptimizer() {
        return loop.phase == 1 ? cfg.then().optimizer() : cfg.optimizer();
    }

    private double currentRate(int epoch) {
        return loop.phase == 1 ? cfg.then().learningRate() : schedule.rate(epoch);
    }

    /**
     * One epoch; it breaks off at a non-finite loss or at an interrupt between two steps. Every
     * piece of state the epoch changes (schedule, early stopping, best epoch) is updated before
     * {@link TrainingListener#onEpochCommitted}, so a checkpoint written then continues exactly.
     */
    private void runEpoch(int epoch) {
        long started = System.nanoTime();
        double lr = currentRate(epoch);
        EpochStarted es = new EpochStarted(epoch, lr);
        listeners.forEach(l -> l.onEpochStart(es));
        double trainLoss = currentOptimizer() == Optimizer.LBFGS ? lbfgsEpoch(epoch, lr) : batches(epoch, lr);
        if (loop.abandoned || !Double.isFinite(trainLoss) && stopReason != null) {
            return; // broke off: nothing meaningful to validate or to save
        }
        EpochEnded ended = loop.validate(epoch, lr, trainLoss, data, engine, (System.nanoTime() - started) / 1e9);
        if (loop.phase == 0) {
            schedule.observe(ended.validationLoss());
        }
        double monitored = data.hasValidation() ? ended.validationLoss() : ended.trainLoss();
        boolean stopEarly = earlyStopping != null && earlyStopping.observe(monitored);
        listeners.forEach(l -> l.onEpochEnd(ended));
        if (stopEarly) {
            requestStop(StopReason.EARLY_STOPPING, earlyStoppingDetail());
        }
        listeners.forEach(l -> l.onEpochCommitted(ended));
    }

    private String earlyStoppingDetail() {
        return "no improvement of " + (data.hasValidation() ? "validation" : "training") + " loss for "
                + earlyStopping.epochsWithoutImprovement() + " epochs";
    }

    /** Where the state of the last completed epoch can be read back (it is not kept in memory: it may be large). */
    public void rollBackTo(Supplier<TrainingState> saved) {
        this.lastSaved = saved;
    }

    /** An interrupted epoch is discarded: the weights go back to the last completed epoch when it was saved. */
    private void rollBack(int epoch) {
        TrainingState saved = lastSaved.get();
        boolean back = saved != null && saved.nextEpoch() == epoch;
        if (back) {
            engine.setParameters(saved.parameters());
            engine.setBuffers(saved.buffers());
        }
        stopDetail = stopDetail + " during epoch " + epoch + (back ? "; the weights are those of epoch " + (epoch - 1)
                : "; no epoch was saved before it, so its steps are kept");
    }

    /** The epoch's mean training loss; an interrupt between two steps abandons the epoch. */
    private double batches(int epoch, double lr) {
        int[] order = loop.shuffledOrder(new SplittableRandom(Seeds.derive(cfg.seed(), Seeds.SHUFFLE, epoch)));
        int n = order.length;
        double sum = 0;
        int rows = 0;
        for (int from = 0; from < n && stopReason == null; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            long step = ++loop.step;
            boolean probe = doctor && (step - 1) % probeInterval == 0;
            engine.trainStep(data.train(), order, from, to, lr, step, probe, stats);
            sum += stats.loss * stats.rows;
            rows += stats.rows;
            afterStep(epoch, step, lr, probe);
        }
        loop.abandoned = rows < n && stopReason == StopReason.INTERRUPTED;
        return sum / Math.max(1, rows);
    }

    private double lbfgsEpoch(int epoch, double lr) {
        long step = ++loop.step;
        engine.lbfgsStep(data.train(), lr, step, stats);
        afterStep(epoch, step, lr, doctor);
        return stats.loss;
    }

    private void afterStep(int epoch, long step, double lr, boolean probed) {
        if (probed) {
            AfterBackward ab = new AfterBackward(epoch, step, lr, LayerSignals.copyOf(stats));
            listeners.forEach(l -> l.onAfterBackward(ab));
        }
        BatchEnded be = new BatchEnded(epoch, step, stats.rows, stats.loss, lr, stats.nonFiniteLayer, stats.nonFiniteTensor);
        listeners.forEach(l -> l.onBatchEnd(be));
    }

    /** The state to save so that this run can be continued from the next epoch. */
    public TrainingState snapshot(int completedEpoch) {
        return snapshot(completedEpoch, null);
    }

    /**
     * Like {@link #snapshot(int)}, copying the parameters and the optimizer state into the arrays of
     * {@code reuse} (an earlier snapshot) when they fit: a checkpoint per epoch allocates little.
     */
    public TrainingState snapshot(int completedEpoch, TrainingState reuse) {
        double[] p = engine.parameters(reuse == null ? null : reuse.parameters());
        double[] o = engine.optimizerState(reuse == null ? null : reuse.optimizer());
        return new TrainingState(completedEpoch + 1, loop.step, loop.phase, p, engine.buffers(), o, schedule.state(),
                earlyStopping == null ? new double[0] : earlyStopping.state(), loop.bestEpoch, loop.bestValidationLoss);
    }

    private int restore(TrainingState s) {
        loop.step = s.step();
        loop.phase = s.phase();
        if (s.phase() == 1) {
            engine.resetOptimizer(ModelBuilder.optimizer(cfg).withKind(cfg.then().optimizer()));
        }
        engine.setParameters(s.parameters());
        engine.setBuffers(s.buffers());
        engine.setOptimizerState(s.optimizer());
        schedule.restore(s.schedule());
        if (earlyStopping != null && s.earlyStopping().length > 0) {
            earlyStopping.restore(s.earlyStopping());
            if (earlyStopping.triggered()) {
                requestStop(StopReason.EARLY_STOPPING, earlyStoppingDetail()); // it stopped there: only its outputs are left to write
            }
        }
        loop.bestEpoch = s.bestEpoch();
        loop.bestValidationLoss = s.bestValidationLoss();
        return s.nextEpoch();
    }

    /** Whether the epoch just ended set a new best validation loss (checkpoint writers ask). */
    public boolean isBest(int epoch) {
        return loop.bestEpoch == epoch;
    }

    /** Supplies the best weights seen so far when the run is resumed with restore_best. */
    public void setBestWeights(double[] parameters, double[] buffers) {
        loop.bestParameters = parameters;
        loop.bestBuffers = buffers;
    }
}
