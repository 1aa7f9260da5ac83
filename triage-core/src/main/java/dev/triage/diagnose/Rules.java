package dev.triage.diagnose;

import dev.triage.diagnose.data.ClassImbalanceRule;
import dev.triage.diagnose.data.ClassMissingInSplitRule;
import dev.triage.diagnose.data.ConstantFeatureRule;
import dev.triage.diagnose.data.DuplicateRowsRule;
import dev.triage.diagnose.data.HighCardinalityRule;
import dev.triage.diagnose.data.NonFiniteDataRule;
import dev.triage.diagnose.data.NotLearnableRule;
import dev.triage.diagnose.data.OutliersRule;
import dev.triage.diagnose.data.SplitShiftRule;
import dev.triage.diagnose.data.TargetLeakRule;
import dev.triage.diagnose.data.TargetLooksCategoricalRule;
import dev.triage.diagnose.data.TargetMissingRule;
import dev.triage.diagnose.data.TargetUnscaledRule;
import dev.triage.diagnose.data.TooSmallRule;
import dev.triage.diagnose.data.UnscaledFeaturesRule;
import dev.triage.diagnose.data.UnseenCategoryRule;
import dev.triage.diagnose.dynamics.DeadReluRule;
import dev.triage.diagnose.dynamics.DivergingRule;
import dev.triage.diagnose.dynamics.LossShapeBroadcastRule;
import dev.triage.diagnose.dynamics.ExplodingGradientsRule;
import dev.triage.diagnose.dynamics.NanLossRule;
import dev.triage.diagnose.dynamics.OscillatingRule;
import dev.triage.diagnose.dynamics.OverfittingRule;
import dev.triage.diagnose.dynamics.PlateauRule;
import dev.triage.diagnose.dynamics.PredictsConstantRule;
import dev.triage.diagnose.dynamics.SaturatedActivationsRule;
import dev.triage.diagnose.dynamics.StillImprovingRule;
import dev.triage.diagnose.dynamics.UnderfittingRule;
import dev.triage.diagnose.dynamics.UpdateRatioRule;
import dev.triage.diagnose.dynamics.VanishingGradientsRule;
import dev.triage.diagnose.setup.ActivationScaleRule;
import dev.triage.diagnose.setup.BatchSizeRule;
import dev.triage.diagnose.setup.DropoutRule;
import dev.triage.diagnose.setup.InitLossRule;
import dev.triage.diagnose.setup.InitRule;
import dev.triage.diagnose.setup.LearningRateRule;
import dev.triage.diagnose.setup.MemoryRule;
import dev.triage.diagnose.setup.OutputLossMismatchRule;
import dev.triage.diagnose.setup.RegularizationRule;
import dev.triage.diagnose.setup.ScheduleRule;
import java.util.List;

/** Every rule with its default thresholds, in the order reports list them. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new NonFiniteDataRule(), new TargetMissingRule(), new UnscaledFeaturesRule(), new TargetUnscaledRule(), new OutliersRule(),
                new ConstantFeatureRule(), new DuplicateRowsRule(), new ClassImbalanceRule(), new ClassMissingInSplitRule(),
                new UnseenCategoryRule(), new TargetLeakRule(), new SplitShiftRule(), new NotLearnableRule(), new TooSmallRule(),
                new TargetLooksCategoricalRule(), new HighCardinalityRule(),
                new OutputLossMismatchRule(), new LearningRateRule(), new InitRule(), new RegularizationRule(), new DropoutRule(),
                new BatchSizeRule(), new ScheduleRule(), new MemoryRule(),
                new InitLossRule(), new ActivationScaleRule(),
                new NanLossRule(), new DivergingRule(), new OscillatingRule(), new PlateauRule(), new ExplodingGradientsRule(),
                new VanishingGradientsRule(), new DeadReluRule(), new SaturatedActivationsRule(), new UpdateRatioRule(),
                new PredictsConstantRule(), new OverfittingRule(), new StillImprovingRule(), new UnderfittingRule(),
                new LossShapeBroadcastRule());
    }

    /** The rules that judge data alone (what {@code triage check} runs). */
    public static List<Rule> dataRules() {
        return all().stream().filter(r -> r.phase() == Phase.DATA).toList();
    }
}
