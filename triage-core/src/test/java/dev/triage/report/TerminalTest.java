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
}
