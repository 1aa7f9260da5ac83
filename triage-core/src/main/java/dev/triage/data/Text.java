package dev.triage.data;

/** Makes user-provided strings (column names, categories, file names) safe to print in a terminal. */
public final class Text {
    private static final int MAX_SHOWN = 80;

    private Text() {
    }

    /** A number as data files write it: integers without a decimal point, NaN as an empty field. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return TextColumns.render(v);
    }

    /**
     * The string with control characters (including the ESC of ANSI sequences) shown as {@code \\uXXXX},
     * cut to 80 characters. HTML escaping is the report's job; this keeps terminals safe.
     */
    public static String printable(String s) {
        return printable(s, MAX_SHOWN);
    }

    /** Like {@link #printable(String)} with another length limit (sentences are longer than names). */
    public static String printable(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 8));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= max && s.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }
}
