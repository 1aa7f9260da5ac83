package dev.triage.data;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from CSV bytes. Tokens with at most 15 significant digits and a
 * small decimal exponent are converted exactly with one multiplication or division by a power of ten
 * (both operands are exact doubles, so the result is correctly rounded); anything else (16 and more
 * digits, large exponents) goes to Jackson's fast correctly-rounded parser (FastDoubleParser). Also
 * reads inf/infinity/nan spellings.
 */
public final class NumberParser {
    /** Returned when a token is not a number. Callers test with {@link #isNotNumber}. */
    public static final double NOT_A_NUMBER_TOKEN = Double.longBitsToDouble(0x7ff8dead0000beefL);

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private NumberParser() {
    }

    /**
     * A number written with a decimal comma ({@code 3,14}, {@code -0,5}, {@code 1,5e3}): one comma, no
     * point. Files separated by ';' or tabs write numbers so in many locales; in comma-separated files a
     * comma cannot be part of a number. Returns {@link #NOT_A_NUMBER_TOKEN} for anything else.
     */
    public static double parseDecimalComma(byte[] buf, int start, int end) {
        int comma = -1;
        for (int i = start; i < end; i++) {
            if (buf[i] == '.' || buf[i] == ',' && comma >= 0) {
                return NOT_A_NUMBER_TOKEN;
            }
            if (buf[i] == ',') {
                comma = i;
            }
        }
        if (comma < 0 || comma == end - 1 || comma == start || !isDigit(buf[comma - 1]) && buf[comma - 1] != '-'
                && buf[comma - 1] != '+' || !isDigit(buf[comma + 1])) {
            return NOT_A_NUMBER_TOKEN;
        }
        byte[] copy = java.util.Arrays.copyOfRange(buf, start, end);
        copy[comma - start] = '.';
        return parse(copy, 0, copy.length);
    }

    public static boolean isNotNumber(double v) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(NOT_A_NUMBER_TOKEN);
    }

    /** Parses {@code buf[start, end)} (already trimmed); returns {@link #NOT_A_NUMBER_TOKEN} for text. */
    public static double parse(byte[] buf, int start, int end) {
        if (start >= end) {
            return NOT_A_NUMBER_TOKEN;
        }
        int i = start;
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        while (i < end && isDigit(buf[i])) {
            anyDigit = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (buf[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exp10++;
            }
            i++;
        }
        if (i < end && buf[i] == '.') {
            i++;
            while (i < end && isDigit(buf[i])) {
                anyDigit = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (buf[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exp10--;
                }
                i++;
            }
        }
        if (!anyDigit) {
            return special(buf, start, end);
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            int e = parseExponent(buf, i + 1, end);
            if (e == Integer.MIN_VALUE) {
                return NOT_A_NUMBER_TOKEN;
            }
            exp10 += e;
            i = end;
        }
        if (i != end) {
            return NOT_A_NUMBER_TOKEN;
        }
        if (digits <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            return negative ? -v : v;
        }
        return slow(buf, start, end);
    }

    private static int parseExponent(byte[] buf, int i, int end) {
        boolean neg = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            neg = buf[i] == '-';
            i++;
        }
        if (i >= end) {
            return Integer.MIN_VALUE;
        }
        int e = 0;
        for (; i < end; i++) {
            if (!isDigit(buf[i])) {
                return Integer.MIN_VALUE;
            }
            e = Math.min(e * 10 + (buf[i] - '0'), 100_000);
        }
        return neg ? -e : e;
    }

    private static double slow(byte[] buf, int start, int end) {
        try {
            return NumberInput.parseDouble(new String(buf, start, end - start, StandardCharsets.ISO_8859_1), true);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER_TOKEN;
        }
    }

    private static double special(byte[] buf, int start, int end) {
        String s = new String(buf, start, end - start, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "inf": case "+inf": case "infinity": case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan": case "+nan": case "-nan":
                return Double.NaN;
            default:
                return NOT_A_NUMBER_TOKEN;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
