package dev.triage.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.data.Stats;
import dev.triage.nn.Engine;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.BaselineRunner;
import dev.triage.probe.log.Baselines;
import dev.triage.train.ConfigResolution;
import dev.triage.train.EpochEnded;
import dev.triage.train.ModelBuilder;
import dev.triage.train.RunStarted;
import dev.triage.train.TaskMetrics;
import dev.triage.train.Trainer;
import dev.triage.train.TrainingListener;
import dev.triage.train.TrainingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code triage bench}: trains a configuration without a run folder and times only the training loop,
 * after a warm-up epoch on a throwaway engine (so the JIT has compiled the kernels). With the doctor on,
 * probes, the recorder and the training rules run as in a real run; data checks and baselines happen
 * before the clock starts.
 */
public final class BenchSession {
    /** One timed training run. */
    public record Result(String config, boolean doctor, int epochs, double trainSeconds, double secondsPerEpochMedian,
                         double samplesPerSecond, TaskMetrics test, long params, int threads, String dtype, int trainRows,
                         double finalTrainLoss) {
        /** One JSON line in the schema of the peer benchmarks (bench/peers), plus Triage's own fields. */
        public String toJson(int repeat) {
            ObjectNode o = JSON.createObjectNode().put("peer", "triage").put("config", config).put("doctor", doctor)
                    .put("repeat", repeat).put("epochs", epochs).put("train_rows", trainRows)
                    .put("train_seconds", trainSeconds).put("seconds_per_epoch_median", secondsPerEpochMedian)
                    .put("samples_per_second", samplesPerSecond).put("params", params).put("threads", threads)
                    .put("dtype", dtype).put("flops_6np_per_epoch", 6.0 * params * trainRows)
                    .put("final_train_loss", finalTrainLoss);
            if (test instanceof TaskMetrics.Regression r) {
                o.put("test_rmse", r.rmse());
            } else if (test instanceof TaskMetrics.Classification k) {
                o.put("test_accuracy", k.accuracy());
            }
            return o.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The name a bench line carries: output.name, else the config file's name. */
    public static String nameOf(RunConfig cfg) {
        return TrainSession.runName(cfg);
    }

    private final RunConfig config;
    private final PreparedData data;
    private final Baselines baselines;
    /** Warm-up epochs before the first timed run of each doctor setting, and before every later one. */
    private static final int FIRST_WARMUP = 5;
    private final boolean[] warmed = new boolean[2];

    private BenchSession(RunConfig resolved, PreparedData data, Baselines baselines) {
        this.config = resolved;
        this.data = data;
        this.baselines = baselines;
    }

    /** Prepares the data once; each {@link #run} then trains from scratch with the same seed. */
    public static BenchSession prepare(RunConfig cfg) {
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        return new BenchSession(resolved, data, BaselineRunner.run(data, resolved.data().split().seed()));
    }

    public Result run(String name, boolean doctor) {
        RunConfig c = config.with("doctor.enabled", doctor);
        int warmup = warmed[doctor ? 1 : 0] ? 1 : Math.min(FIRST_WARMUP, c.training().epochs());
        warmed[doctor ? 1 : 0] = true;
        train(name, c.with("training.epochs", (long) warmup), doctor);
        return train(name, c, doctor);
    }

    private Result train(String name, RunConfig c, boolean doctor) {
        NetworkSpec net = ModelBuilder.network(c, data.target(), data.preprocessor().width());
        try (Engine engine = SingleRun.engine(c, data, net)) {
            TrainingSet set = SingleRun.trainingSet(engine, data);
            List<TrainingListener> listeners = new ArrayList<>();
            if (doctor) {
                Diagnosis diagnosis = new Diagnosis(c, data, net, baselines, SessionOptions.quiet());
                listeners.add(diagnosis.recorder());
                listeners.add(diagnosis);
            }
            EpochClock clock = new EpochClock();
            listeners.add(clock);
            // the garbage of data profiling and set-up is collected before the clock starts, as JMH does
            // between iterations, so that neither setting pays for the other's allocations
            System.gc();
            new Trainer(engine, c, set, listeners).run(null);
            return result(name, c, doctor, engine, clock.seconds(), engine.evaluate(set.train(), null));
        }
    }

    private Result result(String name, RunConfig c, boolean doctor, Engine engine, double[] epochSeconds, double trainLoss) {
        double total = Arrays.stream(epochSeconds).sum();
        double median = median(epochSeconds);
        TaskMetrics test = SingleRun.testMetrics(engine, data.test(), data.preprocessor().targetEncoding());
        long samples = (long) data.train().rows() * epochSeconds.length;
        return new Result(name, doctor, epochSeconds.length, total, median, samples / total, test, engine.parameterCount(),
                c.training().threads(), c.training().dtype().name().toLowerCase(java.util.Locale.ROOT), data.train().rows(),
                trainLoss);
    }

    /**
     * The summary line after the runs of one configuration: medians of samples per second and training
     * seconds per doctor setting, and with both settings the doctor-on over doctor-off time ratio.
     */
    public static String summaryJson(String name, int repeats, List<Result> results) {
        ObjectNode o = JSON.createObjectNode().put("peer", "triage").put("config", name).put("summary", true)
                .put("repeats", repeats);
        double[] seconds = new double[2];
        for (boolean on : new boolean[] {false, true}) {
            List<Result> mine = results.stream().filter(r -> r.doctor() == on).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String key = on ? "doctor_on" : "doctor_off";
            seconds[on ? 1 : 0] = median(mine.stream().mapToDouble(Result::trainSeconds).toArray());
            o.put(key + "_samples_per_second_median",
                    round(median(mine.stream().mapToDouble(Result::samplesPerSecond).toArray()), 1));
            o.put(key + "_train_seconds_median", round(seconds[on ? 1 : 0], 4));
        }
        if (seconds[0] > 0 && seconds[1] > 0) {
            o.put("doctor_overhead_ratio", round(seconds[1] / seconds[0], 3));
        }
        return o.toString();
    }

    private static double median(double[] values) {
        return values.length == 0 ? Double.NaN : Stats.of(values.clone()).median();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /**
     * Wall time of each epoch, measured between consecutive epoch ends as seen by the last listener, so
     * validation, probes and rules are all inside the clock.
     */
    private static final class EpochClock implements TrainingListener {
        private final List<Double> seconds = new ArrayList<>();
        private long last;

        @Override
        public void onRunStart(RunStarted e) {
            last = System.nanoTime();
        }

        @Override
        public void onEpochEnd(EpochEnded e) {
            long now = System.nanoTime();
            seconds.add((now - last) / 1e9);
            last = now;
        }

        double[] seconds() {
            return seconds.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
