package dev.triage.nn;

/**
 * Two shapes that must agree do not. Triage never broadcasts: a prediction of shape [N, 1] against a
 * target of shape [N] is this error, not an [N, N] loss whose minimum is the target mean.
 */
public final class ShapeMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String what, String expected, String actual) {
        super(what + ": expected shape " + expected + " but got " + actual + " (Triage does not broadcast shapes)");
    }
}
