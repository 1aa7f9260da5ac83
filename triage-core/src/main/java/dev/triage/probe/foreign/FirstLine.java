package dev.triage.probe.foreign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first line of a text file (at most 64 KiB of it), for recognizing formats; empty when unreadable. */
final class FirstLine {
    private static final int LIMIT = 1 << 16;

    private FirstLine() {
    }

    static String of(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            char[] buf = new char[LIMIT];
            int n = in.read(buf);
            if (n <= 0) {
                return "";
            }
            String s = new String(buf, 0, n);
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).replace("\r", "").replace("\uFEFF", "");
        } catch (IOException e) {
            return "";
        }
    }
}
