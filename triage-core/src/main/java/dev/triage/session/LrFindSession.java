package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Fmt;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.LrRangeTest;
import dev.triage.report.Numbers;
import dev.triage.report.html.LrFindPage;
import dev.triage.train.AtomicFiles;
import dev.triage.train.ConfigResolution;
import dev.triage.train.ModelBuilder;
import dev.triage.train.RunFolder;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * {@code triage lr-find}: the learning-rate range test for a configuration. Writes the curve to
 * {@code lr_find.csv} in a run folder and prints the suggested rate and where the loss diverged.
 */
public final class LrFindSession {
    static final double MIN_RATE = 1e-7;
    static final double MAX_RATE = 10;
    static final int STEPS = 100;

    private LrFindSession() {
    }

    public static LrRangeTest.Result run(RunConfig cfg, SessionOptions o) {
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        NetworkSpec net = ModelBuilder.network(resolved, data.target(), data.preprocessor().width());
        LrRangeTest.Result r = LrRangeTest.run(net, ModelBuilder.optimizer(resolved.training()), resolved.training().dtype(),
                data.train(), resolved.training().batchSize(), resolved.training().seed(), MIN_RATE, MAX_RATE, STEPS);
        RunFolder folder = RunFolder.create(resolved.output().dir(), TrainSession.runName(cfg) + "-lr-find",
                LocalDateTime.now(o.clock()));
        StringBuilder csv = new StringBuilder("step,learning_rate,loss,smoothed_loss\n");
        r.points().forEach(p -> csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s%n", p.step(), Numbers.cell(p.learningRate()),
                Numbers.cell(p.loss()), Numbers.cell(p.smoothed()))));
        AtomicFiles.write(folder.path().resolve("lr_find.csv"), csv.toString());
        SingleRun.writeConfig(folder, resolved);
        o.out().println("learning-rate range test for " + resolved.training().optimizer().configName() + ", " + r.points().size()
                + " steps from " + Fmt.num(MIN_RATE) + " to " + Fmt.num(MAX_RATE));
        o.out().println("  suggested learning rate: " + Fmt.num(r.suggested()) + " (steepest descent of the smoothed loss)");
        o.out().println("  lowest smoothed loss at: " + Fmt.num(r.lowest()));
        o.out().println("  diverged at: " + (Double.isNaN(r.divergence()) ? "did not diverge" : Fmt.num(r.divergence())));
        o.out().println("  curve: " + folder.path().resolve("lr_find.csv"));
        o.out().println("  chart: " + LrFindPage.write(folder.path(), r, resolved.training().optimizer().configName() + " on "
                + resolved.data().path().getFileName() + ", " + r.points().size() + " steps from " + Fmt.num(MIN_RATE) + " to "
                + Fmt.num(MAX_RATE)));
        return r;
    }
}
