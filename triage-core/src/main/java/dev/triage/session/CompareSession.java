package dev.triage.session;

import dev.triage.report.OutputFile;
import dev.triage.report.html.Comparison;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code triage compare}: run folders side by side. Prints each run's results and the settings that
 * differ, and writes one page with their validation curves, results and settings.
 */
public final class CompareSession {
    private CompareSession() {
    }

    /** Writes the page to {@code out} ({@code -}: standard output) and returns where. */
    public static Path compare(List<Path> runs, Path out, SessionOptions o) {
        Comparison c = Comparison.of(runs);
        o.out().print(c.text());
        OutputFile.write(out, c.html());
        if (!OutputFile.isStdout(out)) {
            o.out().println("compare page: " + out.toAbsolutePath());
        }
        return out;
    }
}
