package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Escaping and number formatting for the HTML report: every string from a user or a file passes through {@link #esc}. */
final class Html {
    private Html() {
    }

    /** Text safe in HTML element content and in quoted attributes; control characters are shown as {@code \\uXXXX}. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * An identifier (a finding code, a dotted config key, an evidence name) escaped, with line-break
     * opportunities after its underscores and dots, so narrow table columns wrap it between its parts.
     */
    static String breakable(String s) {
        return esc(s).replace("_", "_<wbr>").replace(".", ".<wbr>");
    }

    /** A number with four significant digits, scientific when very small or large; "–" when unknown. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A JSON number, or NaN for null, missing, or the strings Jackson writes for non-finite values. */
    static double num(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return Double.NaN;
    }

    /** The text of a JSON field, or "" when absent. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
