package dev.triage.cli;

/** Exit codes (docs/findings.md). */
final class ExitCodes {
    static final int OK = 0;
    static final int ERRORS_REMAIN = 1;
    static final int BAD_INPUT = 2;
    static final int REPAIR_FAILED = 3;
    static final int INTERNAL = 4;
    /** Interrupted by Ctrl-C (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
