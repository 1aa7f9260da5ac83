package dev.triage.dl4j;

import dev.triage.config.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The options a {@link TriageListener.Builder} collected, fixed for the whole run.
 *
 * @param classes        the number of classes of a classifier; 0 for regression
 * @param validation     null when there is no validation split
 * @param reportDir      the run folder to write; null for none
 * @param plannedEpochs  0 when the plan is unknown
 */
record ListenerSettings(Task task, int classes, DataSetIterator train, DataSetIterator validation, Path reportDir,
                        boolean stopOnError, int probesPerEpoch, int plannedEpochs) {

    /** The training iterator's label names when it has one per class; else "0", "1", ... */
    List<String> classNames() {
        List<String> names = null;
        try {
            names = train.getLabels();
        } catch (RuntimeException e) {
            // iterators without label names
        }
        if (names != null && names.size() == classes) {
            return names;
        }
        List<String> indices = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            indices.add(String.valueOf(c));
        }
        return indices;
    }
}
