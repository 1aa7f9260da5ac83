package dev.triage.cli;

import dev.triage.train.Interruption;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) during {@code triage train}: the first one stops training after the current step and
 * lets the run write its checkpoint, report and summary (exit 130); a second one exits at once. Before
 * training has started there is nothing to save, so the first one exits at once.
 */
final class CtrlC {
    private CtrlC() {
    }

    static void install(Interruption interruption, PrintStream err) {
        AtomicInteger count = new AtomicInteger();
        try {
            Signal.handle(new Signal("INT"), s -> {
                if (count.incrementAndGet() > 1) {
                    err.println("\ntriage: interrupted again - quitting at once");
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
                switch (interruption.interrupt()) {
                    case TRAINING -> err.println("\ntriage: interrupted - stopping after the current step and saving the"
                            + " run (Ctrl-C again quits at once)");
                    case OUTPUTS -> err.println("\ntriage: interrupted - writing the report first (Ctrl-C again quits at once)");
                    case NOTHING -> {
                        err.println("\ntriage: interrupted before training started; nothing was saved");
                        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            // this JVM does not let programs handle SIGINT (e.g. started with -Xrs): Ctrl-C keeps its default
        }
    }
}
