package dev.triage.data;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The configured missing-value tokens ({@code data.missing}), matched against raw field bytes. */
final class MissingTokens {
    private final byte[][] tokens;
    /** First bytes of the non-empty tokens, so most fields are rejected with one lookup. */
    private final boolean[] firstByte = new boolean[256];
    private final boolean matchesEmpty;

    MissingTokens(List<String> tokens) {
        this.tokens = new byte[tokens.size()][];
        boolean empty = false;
        for (int i = 0; i < tokens.size(); i++) {
            this.tokens[i] = tokens.get(i).strip().getBytes(StandardCharsets.UTF_8);
            if (this.tokens[i].length == 0) {
                empty = true;
            } else {
                firstByte[this.tokens[i][0] & 0xff] = true;
            }
        }
        this.matchesEmpty = empty;
    }

    boolean matches(byte[] buf, int start, int end) {
        int len = end - start;
        if (len == 0) {
            return matchesEmpty;
        }
        if (!firstByte[buf[start] & 0xff]) {
            return false;
        }
        for (byte[] t : tokens) {
            if (t.length == len && equal(t, buf, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(byte[] token, byte[] buf, int start) {
        for (int i = 0; i < token.length; i++) {
            if (token[i] != buf[start + i]) {
                return false;
            }
        }
        return true;
    }
}
