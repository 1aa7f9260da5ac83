package dev.triage.report;

import dev.triage.data.Text;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Remedy;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** Prints findings as they happen, one line each: severity, code, where, message, remedies. */
public final class FindingPrinter {
    private final PrintStream out;
    private final Terminal terminal;

    public FindingPrinter(PrintStream out) {
        this.out = out;
        this.terminal = null;
    }

    /** Prints to the terminal, with the severity in colour when it is interactive. */
    public FindingPrinter(Terminal terminal) {
        this.out = terminal.out();
        this.terminal = terminal;
    }

    public void print(Finding f) {
        String line = line(f);
        if (terminal != null && terminal.live()) {
            String label = f.severity().label().toUpperCase(java.util.Locale.ROOT);
            line = line.replaceFirst(label, java.util.regex.Matcher.quoteReplacement(terminal.severity(label)));
        }
        out.println(line);
    }

    public static String line(Finding f) {
        String when = f.epoch() == null ? "" : " (epoch " + f.epoch() + ", step " + f.step() + ")";
        String where = f.where() == null ? "" : " [" + Text.printable(f.where()) + "]";
        String remedies = f.remedies().isEmpty() ? "" : " -> try " + f.remedies().stream().map(Remedy::name)
                .collect(Collectors.joining(", "));
        return String.format("  %-7s %s%s%s: %s%s", f.severity().label().toUpperCase(java.util.Locale.ROOT), f.code(), where,
                when, Text.printable(f.message(), 2000), remedies);
    }
}
