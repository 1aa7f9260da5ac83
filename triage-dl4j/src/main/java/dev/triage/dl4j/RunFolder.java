package dev.triage.dl4j;

import dev.triage.report.AtomicOutputs;
import dev.triage.report.ReportData;
import dev.triage.report.RunMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run folder: {@code signals.jsonl} (once the network was read), {@code report.json} and
 * {@code report.html}. It is rewritten whole each time, with everything recorded so far.
 */
final class RunFolder {
    // users configure logging by the public class's name, so every part of the listener logs under it
    private static final Logger LOG = LoggerFactory.getLogger(TriageListener.class);

    private final Path dir;
    private Path written;

    /** {@code dir} null: no folder is written. */
    RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Writes the folder; a failure is logged, not thrown, since the findings are still in the result. */
    void write(RunRecorder run) {
        if (dir == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            writeFiles(run);
            run.timings().addRunFolder(t0);
            written = dir;
        } catch (RuntimeException | IOException e) {
            LOG.warn("Triage could not write the run folder {}: {}", dir, e.toString());
        }
    }

    /** The folder once it was written; null before, or when none was asked for. */
    Path written() {
        return written;
    }

    private void writeFiles(RunRecorder run) throws IOException {
        Files.createDirectories(dir);
        if (run.log().setup() != null) {
            AtomicOutputs.writeSignals(dir, run.log());
        } else {
            // so that a signals.jsonl left in the folder by an earlier run is not taken for this one's
            Files.deleteIfExists(new dev.triage.train.RunFolder(dir).signals());
        }
        RunMetrics metrics = run.metrics();
        RunDescription description = run.description();
        ReportData report = new ReportData("dl4j", description.dataSummary(), description.config(), run.findings(), null,
                metrics, null, dir.toString(), run.checksNotRun());
        AtomicOutputs.writeReport(report, dir, null);
    }
}
