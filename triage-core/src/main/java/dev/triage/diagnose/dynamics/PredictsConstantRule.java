package dev.triage.diagnose.dynamics;

import dev.triage.config.Activation;
import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_PREDICTS_CONSTANT: the trained network gives (almost) the same prediction for every input.
 *
 * <p><b>Signal:</b> the spread of validation predictions over the spread of the targets (per output
 * unit, averaged), below {@code ratio} (default 0.1) in each of the last {@code epochs} epochs
 * (default 3), while the validation metric — of those epochs and of the final model — is no better
 * than the trivial baseline's (RMSE at least {@code quality} = 97% of it, R² of about 0.06 or less; or
 * accuracy at most 2 points above it). Without baselines (a foreign run diagnosed without its data) the
 * trivial RMSE is the targets' spread. A warning, not an error, when the best baseline gains under 5% over
 * the trivial predictor: then predicting nearly the mean is about as well as anything does.
 * Judged once training has ended, on how it ended: a network that starts out flat and then learns (a
 * raw-unit target, a small initialization) is not constant. A ReLU output unit that is inactive for
 * every row (it outputs 0 whatever the input) is named. <b>Likely causes:</b> symmetric (zero or
 * constant) initialization, regularization that shrinks every weight to zero, dead or saturated
 * layers, an output that cannot vary (softmax over one unit, a dead ReLU output), and the classic
 * shape bug: a loss that broadcasts [N, 1] predictions against [N] targets is minimized by the mean.
 * <b>Remedies:</b> He or Xavier initialization, less regularization, a correct output and loss.
 */
public final class PredictsConstantRule extends BaseRule {
    private final double ratio;
    private final int epochs;
    private final double quality;

    public PredictsConstantRule() {
        this(0.1, 3, 0.97);
    }

    /**
     * @param ratio   prediction spread over target spread below which predictions count as constant
     * @param epochs  trailing epochs that must show it
     * @param quality a regression run counts as no better than the trivial predictor when its validation
     *                RMSE is at least this share of the trivial RMSE (0.97: R² of at most about 0.06)
     */
    public PredictsConstantRule(double ratio, int epochs, double quality) {
        super("predicts-constant", "TRAIN_PREDICTS_CONSTANT", Phase.TRAINING, Signal.VALIDATION, Signal.SETUP, Signal.EVALUATION);
        this.ratio = ratio;
        this.epochs = epochs;
        this.quality = quality;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> e = log.epochs();
        boolean regression = log.setup().task() == Task.REGRESSION;
        if (e.isEmpty() || log.baselines() == null && !regression) {
            return none(); // without baselines the majority-class accuracy is unknown
        }
        double trivial = trivialMetric(log);
        if (e.size() < epochs || !trivialQuality(regression, log.evaluation().validationMetric(), trivial, true)) {
            return none();
        }
        int first = e.size();
        while (first > 0 && constant(e.get(first - 1), regression, trivial)) {
            first--;
        }
        if (e.size() - first < epochs) {
            return none();
        }
        EpochPoint start = e.get(first);
        EpochPoint last = e.get(e.size() - 1);
        double r = last.predictionStd() / last.targetStd();
        String msg = "the predictions vary by " + Fmt.pct(r) + " of the targets' spread and score like the trivial predictor ("
                + Fmt.num(last.validationMetric()) + " vs " + Fmt.num(trivial) + ") from epoch " + start.epoch()
                + " to the end: the network predicts a constant" + deadOutput(log);
        return List.of(LittleToLearn.soften(during(Severity.ERROR, start.epoch(), start.step(), Subject.NONE, msg,
                Evidence.of("prediction_to_target_std", r)
                .and("validation_metric", last.validationMetric()).and("trivial_metric", trivial)
                .and("ratio_bound", ratio).and("constant_epochs", e.size() - first), Remedy.USE_HE_INIT, Remedy.USE_XAVIER_INIT,
                Remedy.REDUCE_REGULARIZATION, Remedy.FIX_OUTPUT_AND_LOSS), log));
    }

    /**
     * The trivial predictor's validation metric: the baseline's, or for a run recorded without baselines
     * (a foreign run diagnosed without its data) the RMSE of predicting the mean, the targets' spread.
     */
    private static double trivialMetric(RunLog log) {
        BaselineResult t = log.baselines() == null ? null : log.baselines().trivialResult();
        return t != null ? t.validation() : log.lastEpoch().targetStd();
    }

    private boolean constant(EpochPoint p, boolean regression, double trivial) {
        return p.predictionStd() / p.targetStd() < ratio && trivialQuality(regression, p.validationMetric(), trivial, false);
    }

    /** RMSE at least {@code quality} of the trivial one, or accuracy at most 2 points above it (an unknown final metric passes). */
    private boolean trivialQuality(boolean regression, double metric, double trivial, boolean unknownPasses) {
        if (Double.isNaN(metric)) {
            return unknownPasses;
        }
        return regression ? metric >= quality * trivial : metric <= trivial + 0.02;
    }

    /** "; the output unit ... is dead" when the output layer is a ReLU inactive for every row of the last probe. */
    private static String deadOutput(RunLog log) {
        LayerFacts out = log.setup().output();
        List<ProbePoint> probes = log.probes();
        if (out.activation() != Activation.RELU || probes.isEmpty() || probes.get(probes.size() - 1).deadFraction() == null) {
            return "";
        }
        double dead = probes.get(probes.size() - 1).deadFraction()[out.index()];
        return dead >= 1 ? "; its ReLU output unit is dead: it outputs 0 for every row and gets no gradient" : "";
    }
}
