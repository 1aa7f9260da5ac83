package dev.triage.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The live status line stays under printed lines on a terminal and never appears off one. */
class TerminalTest {
    private static final String CLEAR = "\r\u001b[K";

    @Test
    void linesPrintAboveTheLiveStatus() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Terminal t = new Terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, Terminal.Progress.NORMAL);
        t.status("epoch 1/10 [##....]");
        t.out().println("  ERROR TRAIN_NAN_LOSS");
        t.clearStatus();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(CLEAR + "epoch 1/10 [##....]" + CLEAR
                + "  ERROR TRAIN_NAN_LOSS\n" + "epoch 1/10 [##....]" + CLEAR);
        assertThat(t.severity("ERROR")).isEqualTo("\u001b[31;1mERROR\u001b[0m");
    }

    @Test
    void plainOutputHasNoStatusAndNoColour() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Terminal t = Terminal.plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        t.status("epoch 1/10");
        t.out().println("line");
        t.clearStatus();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("line\n");
        assertThat(t.severity("ERROR")).isEqualTo("ERROR");
    }

    @Test
    void verboseAndQuietNeverDrawABar() {
        Terminal verbose = new Terminal(System.out, true, Terminal.Progress.EVERY_EPOCH);
        Terminal quiet = new Terminal(System.out, true, Terminal.Progress.NONE);
        assertThat(verbose.live()).isFalse();
        assertThat(quiet.live()).isFalse();
        assertThat(ProgressPrinter.clock(3725)).isEqualTo("1:02:05");
        assertThat(ProgressPrinter.clock(65)).isEqualTo("1:05");
    }

    @Test
    void onlyATerminalDeviceCountsAsInteractive(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pts = java.nio.file.Files.createSymbolicLink(dir.resolve("1"), java.nio.file.Path.of("/dev/pts/3"));
        java.nio.file.Path file = java.nio.file.Files.createSymbolicLink(dir.resolve("2"), dir.resolve("log.txt"));
        java.nio.file.Path pipe = java.nio.file.Files.createSymbolicLink(dir.resolve("3"), java.nio.file.Path.of("pipe:[4242]"));
        assertThat(Terminal.isTerminalDevice(pts)).isTrue();
        assertThat(Terminal.isTerminalDevice(file)).isFalse();
        assertThat(Terminal.isTerminalDevice(pipe)).isFalse();
        assertThat(Terminal.isTerminalDevice(dir.resolve("missing"))).isFalse();
    }

    @Test
    void eachThingIsShownOnce() {
        Terminal t = Terminal.plain(System.out);
        assertThat(t.firstTime("DATA_OUTLIERS: ...")).isTrue();
        assertThat(t.firstTime("DATA_OUTLIERS: ...")).isFalse();
    }
}
