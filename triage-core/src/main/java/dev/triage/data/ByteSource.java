package dev.triage.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** A byte buffer over an input stream with one-byte reads and a look at the first line. */
final class ByteSource {
    private final InputStream in;
    // package-private for the tokenizer's fast path, which scans fields inside the buffer
    byte[] buf = new byte[1 << 16];
    int pos;
    int limit;
    private boolean eof;

    ByteSource(InputStream in) {
        this.in = in;
    }

    /** The next byte (0-255), or -1 at the end. */
    int next() throws IOException {
        if (pos < limit) {
            return buf[pos++] & 0xff;
        }
        return fill() ? buf[pos++] & 0xff : -1;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        if (pos < limit) {
            return buf[pos] & 0xff;
        }
        return fill() ? buf[pos] & 0xff : -1;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Skips a UTF-8 byte-order mark at the very start. */
    void skipBom() throws IOException {
        ensure(3);
        if (limit - pos >= 3 && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
        }
    }

    /** The bytes of the first line (without consuming them), or null for an empty stream. */
    byte[] peekLine() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    return Arrays.copyOfRange(buf, pos, i);
                }
            }
            scanned = limit;
            if (!ensure(limit - pos + 1)) {
                return limit > pos ? Arrays.copyOfRange(buf, pos, limit) : null;
            }
        }
    }

    /** Makes at least {@code n} unread bytes available if the stream has them; false at the end. */
    private boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < n && !eof) {
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r <= 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }
}
