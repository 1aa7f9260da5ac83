package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.PreparedData;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.BaselineRunner;
import dev.triage.probe.log.Baselines;
import dev.triage.report.AtomicOutputs;
import dev.triage.train.ModelBuilder;
import dev.triage.train.RunFolder;
import dev.triage.train.TrainingState;
import java.util.List;

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
        Baselines baselines = cachedBaselines != null ? cachedBaselines : BaselineRunner.run(data, resolved.data().split().seed());
        Diagnosis diagnosis = new Diagnosis(resolved, data, net, baselines, o);
        o.terminal().clearStatus();
        RunRecord rec = null;
        if (diagnosis.beforeTraining()) {
            rec = new SingleRun(resolved, data, folder, o, diagnosis).execute(null, null);
        } else {
            o.out().println("  training did not start: the data cannot be trained on as configured (see the error above)");
        }
        AtomicOutputs.writeSignals(folder.path(), diagnosis.log());
        return new Attempt(resolved, data, folder, rec, diagnosis.doctor().findings(), diagnosis.log(), baselines,
                diagnosis.doctor().skipped(diagnosis.log()));
    }

    /** Continues a run from a checkpoint; the doctor is not attached (its signals of the earlier epochs are gone). */
    static Attempt resume(RunConfig cfg, PreparedData data, RunFolder folder, SessionOptions o, TrainingState state,
                          double[][] best) {
        SingleRun.writeConfig(folder, cfg);
        RunRecord rec = new SingleRun(cfg, data, folder, o, null).execute(state, best);
        return new Attempt(cfg, data, folder, rec, List.of(), null, null, List.of());
    }
}
