package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.PreparedData;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.log.Baselines;
import dev.triage.report.AtomicOutputs;
import dev.triage.train.ModelBuilder;
import dev.triage.train.RunFolder;
import dev.triage.train.Checkpoint;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs one resolved configuration with the doctor: checks, training, evaluation, and the run log on disk. */
final class RunAttempt {
    private RunAttempt() {
    }

    static Attempt run(RunConfig resolved, PreparedData data, RunFolder folder, SessionOptions o, Baselines cachedBaselines) {
        SingleRun.writeConfig(folder, resolved);
        if (!resolved.doctor().enabled()) {
            RunRecord rec = new SingleRun(resolved, data, folder, o, null).execute(null, null);
            return new Attempt(resolved, data, folder, rec, List.of(), null, null, List.of());
        }
        NetworkSpec net = ModelBuilder.network(resolved, data);
        o.terminal().status("fitting the baselines and profiling " + data.table().rows() + " rows ...");
        CompletableFuture<Baselines> fitting = BackgroundBaselines.start(data, resolved.data().split().seed(), cachedBaselines);
        Diagnosis diagnosis = new Diagnosis(resolved, data, net, fitting, o);
        o.terminal().clearStatus();
        RunRecord rec = null;
        boolean ready = diagnosis.beforeTraining();
        if (ready && MemoryCheck.blocking(diagnosis.doctor().findings()) == null) {
            rec = new SingleRun(resolved, data, folder, o, diagnosis).execute(null, null);
        } else if (ready) {
            o.out().println("  training did not start: it needs more memory than the JVM may use (see the error above)");
        } else {
            o.out().println("  training did not start: the data cannot be trained on as configured (see the error above)");
        }
        AtomicOutputs.writeSignals(folder.path(), diagnosis.log());
        return new Attempt(resolved, data, folder, rec, diagnosis.doctor().findings(), diagnosis.log(),
                diagnosis.log().baselines(), diagnosis.doctor().skipped(diagnosis.log()));
    }

    /**
     * Continues a run from its checkpoint with the doctor attached as in the first part: the data and
     * configuration checks and the baselines again (they are functions of the data and the seed), the
     * initial weights measured again, the earlier epochs' signals read back, and the new epochs watched.
     */
    static Attempt resume(ResumePlan plan, PreparedData data, SessionOptions o) {
        RunConfig cfg = plan.config();
        RunFolder folder = plan.folder();
        SingleRun.writeConfig(folder, cfg);
        double[][] best = bestWeights(folder);
        if (!cfg.doctor().enabled()) {
            RunRecord rec = new SingleRun(cfg, data, folder, o, null).execute(plan.last(), best);
            return new Attempt(cfg, data, folder, rec, List.of(), null, null, List.of());
        }
        NetworkSpec net = ModelBuilder.network(cfg, data.target(), data.preprocessor().width());
        o.terminal().status("fitting the baselines and profiling " + data.table().rows() + " rows ...");
        CompletableFuture<Baselines> fitting = BackgroundBaselines.start(data, cfg.data().split().seed(), null);
        Diagnosis diagnosis = new Diagnosis(cfg, data, net, fitting, o);
        o.terminal().clearStatus();
        diagnosis.beforeTraining();
        int done = plan.last().state().nextEpoch() - 1;
        String source = RunHistory.restore(folder, done, plan.last().state().step(), diagnosis.log());
        o.out().println("  continuing from epoch " + done + " (the signals of the earlier epochs from " + source + ")");
        RunRecord rec = new SingleRun(cfg, data, folder, o, diagnosis).execute(plan.last(), best);
        AtomicOutputs.writeSignals(folder.path(), diagnosis.log());
        return new Attempt(cfg, data, folder, rec, diagnosis.doctor().findings(), diagnosis.log(),
                diagnosis.log().baselines(), diagnosis.doctor().skipped(diagnosis.log()));
    }

    private static double[][] bestWeights(RunFolder folder) {
        if (!Files.exists(folder.bestCheckpoint())) {
            return null;
        }
        Checkpoint best = Checkpoint.load(folder.bestCheckpoint());
        return new double[][] {best.model().parameters(), best.model().buffers()};
    }
}
