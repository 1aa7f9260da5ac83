package dev.triage.probe;

import java.util.Map;

/**
 * The outcome of one sanity check: its name, whether it passed (or could not judge), what it saw in
 * one sentence, and the numbers.
 */
public record SanityResult(String check, Verdict verdict, String detail, Map<String, Double> numbers) {
    public enum Verdict { PASSED, FAILED, INCONCLUSIVE }

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }
}
