package dev.triage.diagnose;

import java.util.Locale;

/** How bad a finding is. Error-severity findings make {@code triage train} exit with 1. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Higher is worse. */
    public int rank() {
        return 2 - ordinal();
    }
}
