package dev.triage.dl4j;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training and validation iterators as scanned once before training.
 *
 * @param train      null when the scan failed
 * @param validation null without a validation iterator, or when the scan failed
 */
record DataScans(DataScan train, DataScan validation) {
    // users configure logging by the public class's name, so every part of the listener logs under it
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);
    /** Validation sets with at most this many feature values are kept in memory as one batch for the epoch-end evaluation. */
    private static final long KEEP_VALIDATION_VALUES = 5_000_000;

    /** Scans both iterators (and resets them); a failure is added to {@code notes} and leaves the data checks without data. */
    static DataScans of(ListenerSettings settings, List<String> notes) {
        try {
            DataScan train = DataScan.of(settings.train(), settings.task(), settings.classes(), 0);
            DataScan validation = DataScan.of(settings.validation(), settings.task(), settings.classes(), KEEP_VALIDATION_VALUES);
            if (train.problem != null) {
                notes.add(train.problem);
            }
            return new DataScans(train, validation);
        } catch (RuntimeException e) {
            notes.add("the data iterators could not be scanned before training (" + e + "): the data checks cannot run");
            LOG.warn("Triage could not scan the data iterators: {}", e.toString());
            return new DataScans(null, null);
        }
    }
}
