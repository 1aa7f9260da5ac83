package dev.triage.report;

import dev.triage.data.Text;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.repair.RemedyChange;
import dev.triage.repair.Remedies;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints findings as they happen: severity, code, where, when and the message on one line, then one
 * line per remedy with the exact change ({@code --set key=value}) or, when no setting expresses it,
 * what to do in the data or the code.
 */
public final class FindingPrinter {
    private static final String INDENT = " ".repeat(10);
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

    /** The finding with its remedies in words (for runs whose configuration Triage cannot change). */
    public void print(Finding f) {
        print(f, f.remedies().stream().map(r -> RemedyChange.action(r, Remedies.describe(r))).toList());
    }

    /** The finding with each remedy as the change it makes ({@code remedies} in the finding's order). */
    public void print(Finding f, List<RemedyChange> remedies) {
        String head = head(f);
        if (terminal != null && terminal.live()) {
            String label = f.severity().label().toUpperCase(Locale.ROOT);
            head = head.replaceFirst(label, java.util.regex.Matcher.quoteReplacement(terminal.severity(label)));
        }
        out.println(head);
        remedyLines(remedies).forEach(out::println);
    }

    /**
     * Findings that appeared together, each with its remedies as changes ({@code plans}). A data finding
     * this terminal has already shown (an earlier repair trial on the same data) is not printed again:
     * one line names the repeated ones.
     */
    public void printAll(List<Finding> findings, Function<Finding, List<RemedyChange>> plans) {
        List<String> repeated = new ArrayList<>();
        for (Finding f : findings) {
            if (f.phase() == Phase.DATA && terminal != null && !terminal.firstTime(head(f))) {
                repeated.add(f.code());
            } else {
                print(f, plans.apply(f));
            }
        }
        if (!repeated.isEmpty()) {
            out.println("  as before, not repeated: " + String.join(", ", repeated));
        }
    }

    /** The finding on one line, its remedies by name (the summary and logs). */
    public static String line(Finding f) {
        String remedies = f.remedies().isEmpty() ? "" : " -> try " + f.remedies().stream().map(Remedy::name)
                .collect(Collectors.joining(", "));
        return head(f) + remedies;
    }

    static String head(Finding f) {
        String when = f.epoch() == null ? "" : " (epoch " + f.epoch() + ", step " + f.step() + ")";
        String where = f.where() == null ? "" : " [" + Text.printable(f.where()) + "]";
        return String.format("  %-7s %s%s%s: %s", f.severity().label().toUpperCase(Locale.ROOT), f.code(), where,
                when, Text.printable(f.message(), 2000));
    }

    /** "try REMEDY  --set key=value" then " or REMEDY  ..." lines, names padded to one column. */
    public static List<String> remedyLines(List<RemedyChange> remedies) {
        int width = remedies.stream().mapToInt(r -> r.remedy().name().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (RemedyChange r : remedies) {
            String how = Text.printable(r.isChange() ? SetArguments.commandLine(r) : r.action(), 2000);
            lines.add(INDENT + (lines.isEmpty() ? "try " : " or ") + String.format("%-" + width + "s  %s", r.remedy().name(), how));
        }
        return lines;
    }
}
