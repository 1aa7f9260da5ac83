package dev.triage.repair;

import dev.triage.config.ConfigChange;
import dev.triage.config.ConfigKeys;
import dev.triage.config.RunConfig;
import dev.triage.config.Task;
import dev.triage.config.WrittenLayer;
import dev.triage.diagnose.Finding;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import java.util.List;

/**
 * What a remedy may look at: the configuration, the finding it answers (its subject and evidence) and
 * the run log that finding came from (null for a configuration not run yet). Remedies are pure: they
 * return a change of the configuration.
 */
public record RemedyContext(RunConfig config, Finding finding, RunLog log) {

    /** A number of the finding's evidence; NaN when it has none of that name. */
    double evidence(String name) {
        return finding.evidence().get(name);
    }

    /** What the run log says about the run's setup; null without one. */
    RunSetup setup() {
        return log == null ? null : log.setup();
    }

    /** The task the run trained; null when the run log does not say. */
    Task task() {
        return setup() == null ? null : setup().task();
    }

    /** {@code model.hidden} as written. */
    List<WrittenLayer> hidden() {
        return WrittenLayer.of(config);
    }

    /** {@code change} and the hidden layers {@code layers}, when they differ from those written now. */
    ConfigChange andHidden(ConfigChange change, List<WrittenLayer> layers) {
        return layers.equals(hidden()) ? change : change.and(ConfigKeys.HIDDEN, layers);
    }
}
