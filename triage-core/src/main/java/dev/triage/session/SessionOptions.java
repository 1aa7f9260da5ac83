package dev.triage.session;

import dev.triage.report.Terminal;
import dev.triage.train.Interruption;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a session talks and where it writes: the {@link Terminal} for progress, findings and the
 * summary, {@code json} for an extra copy of the JSON report, {@code repair} to run the repair loop,
 * {@code interruption} to stop training gracefully on Ctrl-C, and the {@link SessionListener} of a
 * program that embeds Triage.
 */
public record SessionOptions(Terminal terminal, Path json, boolean repair, Clock clock, Interruption interruption,
                             SessionListener listener) {
    public SessionOptions {
        interruption = interruption == null ? new Interruption() : interruption;
        listener = listener == null ? SessionListener.NONE : listener;
    }

    public SessionOptions(Terminal terminal, Path json, boolean repair, Clock clock) {
        this(terminal, json, repair, clock, new Interruption(), SessionListener.NONE);
    }

    public SessionOptions(Terminal terminal, Path json, boolean repair, Clock clock, Interruption interruption) {
        this(terminal, json, repair, clock, interruption, SessionListener.NONE);
    }

    public SessionOptions(Terminal terminal, Path json, boolean repair, Clock clock, SessionListener listener) {
        this(terminal, json, repair, clock, new Interruption(), listener);
    }

    /** Plain lines to {@code out}, as when output is not a terminal. */
    public SessionOptions(PrintStream out, Path json, boolean repair, Clock clock) {
        this(Terminal.plain(out), json, repair, clock);
    }

    public static SessionOptions quiet() {
        return new SessionOptions(new PrintStream(java.io.OutputStream.nullOutputStream()), null, false, Clock.systemDefaultZone());
    }

    /** Where progress, findings and the summary go. */
    public PrintStream out() {
        return terminal.out();
    }

    public SessionOptions withRepair(boolean r) {
        return new SessionOptions(terminal, json, r, clock, interruption, listener);
    }

    public SessionOptions withOut(PrintStream o) {
        return new SessionOptions(Terminal.plain(o), json, repair, clock, interruption, listener);
    }

    public SessionOptions withListener(SessionListener l) {
        return new SessionOptions(terminal, json, repair, clock, interruption, l);
    }
}
