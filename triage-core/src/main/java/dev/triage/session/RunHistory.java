package dev.triage.session;

import dev.triage.config.InvalidInputException;
import dev.triage.probe.log.EpochPoint;
import dev.triage.probe.log.ProbePoint;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.telemetry.TelemetryReader;
import dev.triage.train.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The training signals of the epochs a resumed run already has, read back into the doctor's run log:
 * from {@code signals.jsonl} (steps, probes, epochs) up to the checkpoint's step; when that file is
 * missing or unreadable, the epoch losses from {@code metrics.csv}.
 */
final class RunHistory {
    private RunHistory() {
    }

    /** Copies the earlier epochs (up to {@code lastEpoch}, at step {@code lastStep}) into {@code into}; returns where they came from. */
    static String restore(RunFolder folder, int lastEpoch, long lastStep, RunLog into) {
        if (Files.isRegularFile(folder.signals())) {
            try {
                RunLog prior = TelemetryReader.read(folder.signals()).log();
                if (prior.epochs().stream().anyMatch(e -> e.epoch() == lastEpoch)) {
                    copy(prior, lastEpoch, lastStep, into);
                    return RunFolder.SIGNALS;
                }
            } catch (InvalidInputException | UncheckedIOException e) {
                // fall back to metrics.csv below
            }
        }
        fromMetrics(folder, lastEpoch, into);
        return RunFolder.METRICS;
    }

    private static void copy(RunLog prior, int lastEpoch, long lastStep, RunLog into) {
        long[] steps = prior.stepNumbers();
        double[] losses = prior.stepLosses();
        for (int i = 0; i < steps.length && steps[i] <= lastStep; i++) {
            into.addStep(steps[i], losses[i]);
        }
        for (ProbePoint p : prior.probes()) {
            if (p.step() <= lastStep) {
                into.addProbe(p);
            }
        }
        for (EpochPoint e : prior.epochs()) {
            if (e.epoch() <= lastEpoch) {
                into.addEpoch(e);
            }
        }
        if (prior.nonFinite() != null && prior.nonFinite().step() <= lastStep) {
            into.setNonFinite(prior.nonFinite());
        }
    }

    /** Epoch points from metrics.csv rows (epoch, step, learning_rate, train_loss, val_loss, val_metric). */
    private static void fromMetrics(RunFolder folder, int lastEpoch, RunLog into) {
        if (!Files.isRegularFile(folder.metrics())) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.metrics());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.metrics(), e);
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 6) {
                continue;
            }
            try {
                int epoch = Integer.parseInt(f[0]);
                if (epoch <= lastEpoch) {
                    into.addEpoch(new EpochPoint(epoch, Long.parseLong(f[1]), num(f[2]), num(f[3]), num(f[4]), num(f[5]),
                            Double.NaN, Double.NaN, Double.NaN));
                }
            } catch (NumberFormatException e) {
                // a row cut short by a crash: the rows before it are what the run has
            }
        }
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
