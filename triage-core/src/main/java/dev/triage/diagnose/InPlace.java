package dev.triage.diagnose;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Init;
import dev.triage.config.Scaling;
import dev.triage.config.ScheduleType;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunSetup;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which remedies a run already has in place — Adam on an Adam run, early stopping that is on, He
 * initialization when it is what the layers use, scaling already applied — so that no finding
 * proposes them (the doctor removes them from every finding it reports).
 */
public final class InPlace {
    private static final Set<Init> HE = Set.of(Init.HE_NORMAL, Init.HE_UNIFORM);
    private static final Set<Init> XAVIER = Set.of(Init.XAVIER_NORMAL, Init.XAVIER_UNIFORM);

    private InPlace() {
    }

    /** The remedies of {@code remedies} that {@code s} does not already have, in their order. */
    public static List<Remedy> notInPlace(List<Remedy> remedies, RunSetup s) {
        return s == null ? remedies : remedies.stream().filter(r -> !inPlace(r, s)).toList();
    }

    public static boolean inPlace(Remedy r, RunSetup s) {
        return switch (r) {
            case USE_ADAM -> s.optimizer().profile().adamFamily();
            case EARLY_STOPPING -> s.restoreBest();
            case USE_HE_INIT -> allHidden(s, l -> HE.contains(l.init()) && l.biasInit() == 0);
            case USE_XAVIER_INIT -> allHidden(s, l -> XAVIER.contains(l.init()) && l.biasInit() == 0);
            case SCALE_FEATURES -> s.scale() != Scaling.NONE;
            case ROBUST_SCALE_FEATURES -> s.scale() == Scaling.ROBUST;
            case SCALE_TARGET -> s.task() != Task.REGRESSION || s.scaleTarget() != TargetScaling.NONE;
            case IMPUTE_MISSING -> s.impute() != Imputation.NONE;
            case CLIP_GRADIENTS -> s.gradientNormalization() != GradientNormalization.NONE;
            case ADD_BATCH_NORM -> allHidden(s, LayerFacts::batchNorm);
            case USE_LEAKY_RELU -> allHidden(s, l -> l.activation() != Activation.RELU);
            case REWEIGHT_CLASSES -> s.classWeighted() || s.task() != Task.CLASSIFICATION;
            case ADD_LR_SCHEDULE -> s.schedule() != null && s.schedule().type() != ScheduleType.CONSTANT;
            case STRATIFY_SPLIT -> s.stratified();
            case SHUFFLE_SPLIT -> s.shuffled();
            case USE_FLOAT64 -> s.dtype() == DType.FLOAT64;
            case REDUCE_REGULARIZATION -> s.l1() == 0 && s.l2() == 0 && s.weightDecay() == 0;
            case REDUCE_DROPOUT -> allHidden(s, l -> l.dropout() == 0);
            case ADD_DROPOUT -> !allHidden(s, l -> l.dropout() == 0);
            default -> false;
        };
    }

    private static boolean allHidden(RunSetup s, Predicate<LayerFacts> p) {
        return s.hidden().stream().allMatch(p);
    }
}
