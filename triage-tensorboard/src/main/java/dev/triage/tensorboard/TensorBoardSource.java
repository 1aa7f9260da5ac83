package dev.triage.tensorboard;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.probe.foreign.LoadedRun;
import dev.triage.probe.foreign.LossOnlyLog;
import dev.triage.probe.foreign.RunLogSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of TensorBoard event files ({@code events.out.tfevents.*}, in the folder or its
 * subfolders such as Keras's {@code train/} and {@code validation/}), or one such file. Its scalars
 * become the loss curves the loss rules judge: see {@link ScalarSeries} for how tags are read.
 */
public final class TensorBoardSource implements RunLogSource {
    private static final String PREFIX = "events.out.tfevents";
    private static final int DEPTH = 4;
    private final Task task;

    public TensorBoardSource(Task task) {
        this.task = task;
    }

    @Override
    public String format() {
        return "TensorBoard event files";
    }

    @Override
    public boolean recognizes(Path path) {
        return !eventFiles(path).isEmpty();
    }

    @Override
    public LoadedRun read(Path path) {
        List<Path> files = eventFiles(path);
        Path root = Files.isDirectory(path) ? path : path.getParent();
        List<Scalar> scalars = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            Path rel = root == null ? Path.of("") : root.relativize(f).getParent();
            EventFile.Contents c = EventFile.read(f, rel == null ? "" : rel.toString().replace('\\', '/'));
            scalars.addAll(c.scalars());
            if (c.truncated()) {
                notes.add(f.getFileName() + " ends in the middle of a record (the writer stopped); read up to it");
            }
        }
        if (scalars.isEmpty()) {
            throw new InvalidInputException(path + ": the event files hold no scalars; log the loss with"
                    + " writer.add_scalar(\"loss/train\", loss, step) (and \"loss/val\" per epoch)");
        }
        ScalarSeries series = ScalarSeries.of(scalars, path);
        Task t = task != Task.AUTO && task != null ? task : series.looksLikeClassification() ? Task.CLASSIFICATION : Task.REGRESSION;
        notes.add("TensorBoard scalars read: " + series.describe() + "; the checks of the model, gradients, activations and"
                + " data could not run (record the run with a probe for those)");
        return new LoadedRun(LossOnlyLog.of("tensorboard", t, series.epochs(t), series.stepNumbers(), series.stepLosses()),
                format(), notes);
    }

    private static List<Path> eventFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().startsWith(PREFIX) ? List.of(path) : List.of();
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(path, DEPTH)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }
}
