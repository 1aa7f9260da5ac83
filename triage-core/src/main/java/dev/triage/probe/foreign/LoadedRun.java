package dev.triage.probe.foreign;

import dev.triage.probe.log.RunLog;
import java.util.List;

/**
 * A run log read from a file or folder: the log, the format it was in, and notes for the user (what
 * was assumed, a last line cut short by a crash).
 */
public record LoadedRun(RunLog log, String format, List<String> notes) {
    public LoadedRun {
        notes = List.copyOf(notes);
    }
}
