package dev.triage.dl4j;

/**
 * Nanoseconds spent inside the listener, by kind of work. The epoch-end validation schedule reads its
 * own share; the rest is there to see where the listener's overhead goes when profiling.
 */
final class ListenerTimings {
    private long probeNanos;
    private long validationNanos;
    private long ruleNanos;
    private long runFolderNanos;

    void addProbe(long startNanos) {
        probeNanos += System.nanoTime() - startNanos;
    }

    void addValidation(long startNanos) {
        validationNanos += System.nanoTime() - startNanos;
    }

    void addRules(long startNanos) {
        ruleNanos += System.nanoTime() - startNanos;
    }

    void addRunFolder(long startNanos) {
        runFolderNanos += System.nanoTime() - startNanos;
    }

    long probeNanos() {
        return probeNanos;
    }

    long validationNanos() {
        return validationNanos;
    }

    long ruleNanos() {
        return ruleNanos;
    }

    long runFolderNanos() {
        return runFolderNanos;
    }
}
