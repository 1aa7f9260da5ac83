package dev.triage.session;

import dev.triage.data.Text;
import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.config.OptimizerProfile;
import dev.triage.config.TrainingConfig;
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

    /**
     * The suggestion brought into the range the doctor accepts for the optimizer (CONFIG_LEARNING_RATE's
     * usual range; for momentum SGD the effective rate lr / (1 - momentum)); NaN stays NaN.
     */
    static double accepted(double suggested, TrainingConfig t) {
        if (Double.isNaN(suggested)) {
            return suggested;
        }
        OptimizerProfile p = t.optimizer().profile();
        return Math.max(p.learningRateFor(p.usualLow(), t.momentum()),
                Math.min(p.learningRateFor(p.usualHigh(), t.momentum()), suggested));
    }

    public static LrRangeTest.Result run(RunConfig cfg, SessionOptions o) {
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        NetworkSpec net = ModelBuilder.network(resolved, data);
        LrRangeTest.Result r = LrRangeTest.run(net, ModelBuilder.optimizer(resolved.training()), resolved.training().dtype(),
                data.train(), resolved.training().batchSize(), resolved.training().seed(), MIN_RATE, MAX_RATE, STEPS);
        RunFolder folder = RunFolder.create(resolved.output().dir(), TrainSession.runName(cfg) + "-lr-find",
                LocalDateTime.now(o.clock()));
        StringBuilder csv = new StringBuilder("step,learning_rate,loss,smoothed_loss\n");
        r.points().forEach(p -> csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s%n", p.step(), Numbers.cell(p.learningRate()),
                Numbers.cell(p.loss()), Numbers.cell(p.smoothed()))));
        AtomicFiles.write(folder.lrFindCsv(), csv.toString());
        SingleRun.writeConfig(folder, resolved);
        o.out().println("learning-rate range test for " + resolved.training().optimizer().configName() + ", " + r.points().size()
                + " steps from " + Fmt.num(MIN_RATE) + " to " + Fmt.num(MAX_RATE));
        double suggested = accepted(r.suggested(), resolved.training());
        o.out().println(Double.isNaN(suggested) ? "  suggested learning rate: none (the loss did not fall over the range:"
                + " look for a problem with the data or the model before tuning the rate)"
                : "  suggested learning rate: " + Fmt.num(suggested) + " (steepest descent of the smoothed loss, at most a tenth"
                + " of the rate of lowest loss" + (suggested != r.suggested() ? ", within " + resolved.training().optimizer()
                .configName() + "'s usual range" : "") + ")");
        o.out().println("  lowest smoothed loss at: " + Fmt.num(r.lowest()));
        o.out().println("  diverged at: " + (Double.isNaN(r.divergence()) ? "did not diverge" : Fmt.num(r.divergence())));
        o.out().println("  curve: " + Text.printable(folder.lrFindCsv().toString(), 500));
        LrRangeTest.Result accepted = new LrRangeTest.Result(r.points(), suggested, r.lowest(), r.divergence());
        o.out().println("  chart: " + Text.printable(LrFindPage.write(folder.path(), accepted, resolved.training().optimizer()
                .configName() + " on " + resolved.data().path().getFileName() + ", " + r.points().size() + " steps from "
                + Fmt.num(MIN_RATE) + " to " + Fmt.num(MAX_RATE)).toString(), 500));
        return accepted;
    }
}
