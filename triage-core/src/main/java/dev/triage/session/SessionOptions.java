package dev.triage.session;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a session talks and where it writes: {@code out} for progress and findings (a null stream when
 * quiet), {@code json} for an extra copy of the JSON report, {@code repair} to run the repair loop.
 */
public record SessionOptions(PrintStream out, Path json, boolean repair, Clock clock) {
    public static SessionOptions quiet() {
        return new SessionOptions(new PrintStream(java.io.OutputStream.nullOutputStream()), null, false, Clock.systemDefaultZone());
    }

    public SessionOptions withRepair(boolean r) {
        return new SessionOptions(out, json, r, clock);
    }

    public SessionOptions withOut(PrintStream o) {
        return new SessionOptions(o, json, repair, clock);
    }
}
