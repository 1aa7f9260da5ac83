package dev.triage.probe.foreign;

import dev.triage.probe.telemetry.TelemetryReader;
import dev.triage.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code triage-telemetry} file, or a Triage run folder holding one as {@code signals.jsonl}. */
public final class TelemetrySource implements RunLogSource {
    @Override
    public String format() {
        return "triage-telemetry run log";
    }

    @Override
    public boolean recognizes(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(RunFolder.SIGNALS));
        }
        return TelemetryReader.looksLikeTelemetry(FirstLine.of(path));
    }

    @Override
    public LoadedRun read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(RunFolder.SIGNALS) : path;
        TelemetryReader.Result r = TelemetryReader.read(file);
        List<String> notes = new ArrayList<>();
        if (r.truncated()) {
            notes.add("the last line of " + file.getFileName() + " is incomplete (the run stopped while writing it);"
                    + " diagnosed up to the record before it");
        }
        String format = Files.isDirectory(path) ? "Triage run folder" : format() + " (" + r.log().origin().framework() + ")";
        return new LoadedRun(r.log(), format, notes);
    }
}
