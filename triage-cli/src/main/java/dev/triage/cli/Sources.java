package dev.triage.cli;

import dev.triage.config.Task;
import dev.triage.probe.foreign.KerasCsvSource;
import dev.triage.probe.foreign.LightningCsvSource;
import dev.triage.probe.foreign.RunLogSource;
import dev.triage.probe.foreign.TelemetrySource;
import dev.triage.tensorboard.TensorBoardSource;
import java.util.List;

/** The run-log formats {@code triage diagnose} reads, in the order it tries them. */
final class Sources {
    private Sources() {
    }

    static List<RunLogSource> all(Task task) {
        return List.of(new TelemetrySource(), new TensorBoardSource(task), new LightningCsvSource(task), new KerasCsvSource(task));
    }
}
