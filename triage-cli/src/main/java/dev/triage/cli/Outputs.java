package dev.triage.cli;

import dev.triage.report.OutputFile;
import dev.triage.report.Terminal;
import dev.triage.session.SessionOptions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Where a command's words go. Normally standard output; with {@code --json -} the JSON report owns
 * standard output (for a pipe into jq), so progress, findings and the summary move to standard error.
 * Colour and the live bar appear only when that stream is an interactive terminal.
 */
final class Outputs {
    private Outputs() {
    }

    static SessionOptions options(Path json, Terminal.Progress progress, boolean repair) {
        Terminal terminal = OutputFile.isStdout(json) ? Terminal.system(progress, System.err, 2) : Terminal.system(progress);
        return new SessionOptions(terminal, json, repair, Clock.systemDefaultZone());
    }

    /** Plain lines (no bar, no colour) for commands that print tables, on the stream {@code --json} leaves free. */
    static SessionOptions plain(Path json) {
        return new SessionOptions(OutputFile.isStdout(json) ? System.err : System.out, json, false, Clock.systemDefaultZone());
    }
}
