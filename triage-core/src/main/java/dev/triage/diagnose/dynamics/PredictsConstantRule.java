package dev.triage.diagnose.dynamics;

import dev.triage.config.Task;
import dev.triage.diagnose.BaseRule;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Fmt;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.Signal;
import java.util.List;

/**
 * TRAIN_PREDICTS_CONSTANT: the network gives (almost) the same prediction for every input.
 *
 * <p><b>Signal:</b> the spread of validation predictions over the spread of the targets (per output
 * unit, averaged), below {@code ratio} (default 0.1) for {@code epochs} epochs in a row (default 3),
 * while the validation metric is no better than the trivial baseline's (RMSE at least 97% of it, or
 * accuracy at most 2 points above it). <b>Likely causes:</b> symmetric (zero or constant)
 * initialization, regularization that shrinks every weight to zero, dead or saturated layers, an
 * output that cannot vary (softmax over one unit), and the classic shape bug: a loss that broadcasts
 * [N, 1] predictions against [N] targets is minimized by the mean. <b>Remedies:</b> He or Xavier
 * initialization, less regularization, a correct output and loss.
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
     * @param epochs  epochs in a row that must show it
     * @param quality a regression run counts as no better than the trivial predictor when its validation
     *                RMSE is at least this share of the trivial RMSE (0.97: R² of at most about 0.06)
     */
    public PredictsConstantRule(double ratio, int epochs, double quality) {
        super("predicts-constant", "TRAIN_PREDICTS_CONSTANT", Phase.TRAINING, Signal.VALIDATION, Signal.SETUP);
        this.ratio = ratio;
        this.epochs = epochs;
        this.quality = quality;
    }

    @Override
    public List<Finding> check(RunLog log) {
        List<EpochPoint> e = log.epochs();
        BaselineResult trivial = log.baselines() == null ? null : log.baselines().trivialResult();
        boolean regression = log.setup().task() == Task.REGRESSION;
        if (trivial == null && !regression) {
            return none(); // without baselines the majority-class accuracy is unknown
        }
        int run = 0;
        for (EpochPoint p : e) {
            double r = p.predictionStd() / p.targetStd();
            double trivialMetric = trivialMetric(trivial, p);
            boolean trivialQuality = regression ? p.validationMetric() >= quality * trivialMetric
                    : p.validationMetric() <= trivialMetric + 0.02;
            run = r < ratio && trivialQuality ? run + 1 : 0;
            if (run >= epochs) {
                EpochPoint first = e.get(e.indexOf(p) - epochs + 1);
                String msg = "the predictions vary by " + Fmt.pct(r) + " of the targets' spread and score like the trivial"
                        + " predictor (" + Fmt.num(p.validationMetric()) + " vs " + Fmt.num(trivialMetric)
                        + "): the network predicts a constant";
                return List.of(during(Severity.ERROR, first.epoch(), first.step(), null, msg, Evidence.of("prediction_to_target_std", r)
                        .and("validation_metric", p.validationMetric()).and("trivial_metric", trivialMetric)
                        .and("ratio_bound", ratio), Remedy.USE_HE_INIT, Remedy.USE_XAVIER_INIT, Remedy.REDUCE_REGULARIZATION,
                        Remedy.FIX_OUTPUT_AND_LOSS));
            }
        }
        return none();
    }

    /**
     * The trivial predictor's validation metric: the baseline's, or for a run recorded without them (a
     * foreign run diagnosed without its data) the RMSE of predicting the mean, which is the targets' spread.
     */
    private static double trivialMetric(BaselineResult trivial, EpochPoint p) {
        return trivial != null ? trivial.validation() : p.targetStd();
    }
}
