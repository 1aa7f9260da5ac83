package dev.triage.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers for people and for CSV cells: a fixed count of significant digits, plain decimals for
 * everyday magnitudes and scientific notation ({@code 2.942e+52}, {@code 5.378e-07}) outside them, so
 * no output ever holds a 50-digit fixed-point number, a {@code 0.0000} that hides a small value, or
 * Java's {@code 5.37757557564227E-7}.
 */
public final class Numbers {
    /** Below this magnitude numbers are written in scientific notation. */
    static final double SMALL = 1e-4;

    private Numbers() {
    }

    /**
     * {@code digits} significant digits, trailing zeros dropped; plain between 1e-4 and 1e6 (exclusive),
     * scientific outside; "n/a" for NaN, "inf" or "-inf" for infinities.
     */
    public static String sig(double v, int digits) {
        return sig(v, digits, 1e6);
    }

    /** As {@link #sig(double, int)}, plain up to {@code plainBelow} in magnitude. */
    public static String sig(double v, int digits, double plainBelow) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits));
        double a = Math.abs(rounded.doubleValue());
        if (a >= SMALL && a < plainBelow) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(e);
    }

    /** A CSV cell for a computed value (a prediction, a probability, a loss): 7 significant digits, empty when NaN. */
    public static String cell(double v) {
        return Double.isNaN(v) ? "" : sig(v, 7, 1e9);
    }
}
