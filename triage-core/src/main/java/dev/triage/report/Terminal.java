package dev.triage.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a command talks to its user. On a terminal a one-line live status (a progress bar) sits
 * under the normal output: every line printed through {@link #out()} first clears it and then draws
 * it again, so findings appear above the bar the moment they fire. Off a terminal the status is never
 * drawn, and output is plain lines without colour.
 */
public final class Terminal {
    /** How much progress to show. */
    public enum Progress {
        /** Findings and the summary only ({@code --quiet}). */
        NONE,
        /** About ten epoch lines per run; a live bar as well when on a terminal. */
        NORMAL,
        /** A line for every epoch ({@code -v}). */
        EVERY_EPOCH
    }

    private static final String CLEAR_LINE = "\r\u001b[K";
    private final PrintStream raw;
    private final boolean live;
    private final Progress progress;
    private final PrintStream out;
    private final java.util.Set<String> shown = new java.util.HashSet<>();
    private String status = "";
    private boolean statusShown;

    public Terminal(PrintStream raw, boolean live, Progress progress) {
        this.raw = raw;
        this.live = live && progress == Progress.NORMAL;
        this.progress = progress;
        this.out = new PrintStream(new StatusAware(), true, StandardCharsets.UTF_8);
    }

    /** A terminal on standard output: live and coloured when it is an interactive terminal and TERM is not "dumb". */
    public static Terminal system(Progress progress) {
        return system(progress, System.out, 1);
    }

    /**
     * A terminal on {@code stream}, the process's file descriptor {@code fd} (1 standard output, 2 standard
     * error): live and coloured only when that descriptor is an interactive terminal, TERM is not "dumb"
     * and NO_COLOR is not set. Redirected to a file or a pipe, it prints plain lines.
     */
    public static Terminal system(Progress progress, PrintStream stream, int fd) {
        boolean wanted = !"dumb".equals(System.getenv("TERM")) && System.getenv("NO_COLOR") == null;
        return new Terminal(stream, wanted && interactive(fd), progress);
    }

    /** Whether the descriptor is a terminal: Linux names its device in /proc; elsewhere only standard output is judged. */
    static boolean interactive(int fd) {
        java.nio.file.Path link = java.nio.file.Path.of("/proc/self/fd/" + fd);
        if (java.nio.file.Files.isSymbolicLink(link)) {
            return isTerminalDevice(link);
        }
        return fd == 1 && System.console() != null;
    }

    /** Whether a /proc/self/fd link points at a terminal device (/dev/pts/N, /dev/ttyN, /dev/tty). */
    static boolean isTerminalDevice(java.nio.file.Path fdLink) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(fdLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A terminal that prints plain lines to {@code out}, as when output goes to a file or pipe. */
    public static Terminal plain(PrintStream out) {
        return new Terminal(out, false, Progress.NORMAL);
    }

    public PrintStream out() {
        return out;
    }

    public boolean live() {
        return live;
    }

    public Progress progress() {
        return progress;
    }

    /**
     * True the first time {@code key} is asked about on this terminal, false after: lets a session that
     * runs several trials avoid printing the same thing again for each.
     */
    public synchronized boolean firstTime(String key) {
        return shown.add(key);
    }

    /** Replaces the live status line (ignored off a terminal). */
    public synchronized void status(String line) {
        if (!live) {
            return;
        }
        status = line;
        raw.print(CLEAR_LINE + line);
        raw.flush();
        statusShown = true;
    }

    /** Removes the live status line. */
    public synchronized void clearStatus() {
        if (statusShown) {
            raw.print(CLEAR_LINE);
            raw.flush();
        }
        status = "";
        statusShown = false;
    }

    /** Colours a severity label red, yellow or blue on a terminal; unchanged otherwise. */
    public String severity(String label) {
        if (!live) {
            return label;
        }
        String code = switch (label.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "error" -> "31;1";
            case "warning" -> "33;1";
            default -> "34";
        };
        return "\u001b[" + code + "m" + label + "\u001b[0m";
    }

    /** Clears the status before each write and draws it again after each completed line. */
    private final class StatusAware extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (Terminal.this) {
                if (statusShown) {
                    raw.print(CLEAR_LINE);
                    statusShown = false;
                }
                raw.write(b, off, len);
                if (live && len > 0 && b[off + len - 1] == '\n' && !status.isEmpty()) {
                    raw.print(status);
                    statusShown = true;
                }
                raw.flush();
            }
        }
    }
}
