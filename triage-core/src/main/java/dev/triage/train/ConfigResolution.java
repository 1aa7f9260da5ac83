package dev.triage.train;

import dev.triage.config.RunConfig;
import dev.triage.config.Stratify;
import dev.triage.config.TargetScaling;
import dev.triage.data.TargetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces the {@code auto} values of a configuration by what they mean for this data, so the run
 * folder's {@code run.yaml} says exactly what ran. (The initializer stays {@code auto}: it differs
 * per layer, see {@link ModelBuilder}.)
 */
public final class ConfigResolution {
    private ConfigResolution() {
    }

    public static RunConfig resolve(RunConfig cfg, TargetSpec target) {
        if (cfg.training().classWeights().enabled() && !target.isClassification()) {
            throw new dev.triage.config.InvalidInputException(cfg.training().classWeights().origin()
                    + ": training.class_weights weighs classes, but the target '" + target.column() + "' is trained as"
                    + " regression; remove it or set data.task: classification");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("data.task", target.task().configName());
        if (target.isClassification() && cfg.data().classes() == null) {
            changes.put("data.classes", target.classes());
        }
        if (cfg.data().preprocess().scaleTarget() == TargetScaling.AUTO) {
            changes.put("data.preprocess.scale_target", target.isClassification() ? "none" : "standard");
        }
        if (cfg.data().split().stratify() == Stratify.AUTO) {
            changes.put("data.split.stratify", target.isClassification() && cfg.data().split().shuffle());
        }
        changes.put("model.loss", ModelBuilder.loss(cfg.model(), target).configName());
        changes.put("model.output_activation", ModelBuilder.outputActivation(cfg.model(), target).configName());
        if (cfg.training().threads() == 0) {
            changes.put("training.threads", (long) Runtime.getRuntime().availableProcessors());
        }
        return cfg.withAll(changes);
    }
}
