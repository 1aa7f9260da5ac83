package dev.triage.config;

import java.util.Collection;
import java.util.Locale;

/** Finds the closest spelling among valid names, for "did you mean ...?" hints. */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate closest to {@code input}, or null when none is plausibly meant. */
    public static String nearest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String in = input.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(in, c.toLowerCase(Locale.ROOT));
            String lastPart = c.substring(c.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String inLast = in.substring(in.lastIndexOf('.') + 1);
            d = Math.min(d, distance(inLast, lastPart) + 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, input.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** "; did you mean 'x'?" or an empty string. */
    public static String hint(String input, Collection<String> candidates) {
        String n = nearest(input, candidates);
        return n == null ? "" : "; did you mean '" + n + "'?";
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
