package dev.triage.tensorboard;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import dev.triage.probe.log.EpochPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The loss, validation loss, accuracy and learning-rate series among a run's scalars, told apart by
 * their tags and run folders: a tag or folder naming {@code val}, {@code valid}, {@code eval} or
 * {@code test} is validation; {@code loss} a loss, {@code acc} an accuracy, {@code lr} or
 * {@code learning_rate} the rate. Keras's {@code epoch_*} tags are per epoch. Otherwise, when the
 * training loss has more points than the validation loss, it was logged per step and each epoch is
 * the matching share of those steps.
 */
final class ScalarSeries {
    private final List<Scalar> train;
    private final List<Scalar> validation;
    private final List<Scalar> accuracy;
    private final List<Scalar> rate;

    private ScalarSeries(List<Scalar> train, List<Scalar> validation, List<Scalar> accuracy, List<Scalar> rate) {
        this.train = train;
        this.validation = validation;
        this.accuracy = accuracy;
        this.rate = rate;
    }

    static ScalarSeries of(List<Scalar> all, Path where) {
        List<Scalar> train = pick(all, s -> loss(s) && !validation(s));
        if (train.isEmpty()) {
            throw new InvalidInputException(where + ": no training loss among the scalars (tags: " + tags(all)
                    + "); log one with a tag containing \"loss\", e.g. writer.add_scalar(\"loss/train\", loss, step)");
        }
        return new ScalarSeries(train, pick(all, s -> loss(s) && validation(s)), pick(all, s -> acc(s) && validation(s)),
                pick(all, s -> name(s).contains("learning_rate") || name(s).matches(".*(^|[/_ ])lr($|[/_ -]).*")));
    }

    private static String name(Scalar s) {
        return (s.run() + "/" + s.tag()).toLowerCase(Locale.ROOT);
    }

    private static boolean loss(Scalar s) {
        return s.tag().toLowerCase(Locale.ROOT).contains("loss");
    }

    private static boolean acc(Scalar s) {
        return s.tag().toLowerCase(Locale.ROOT).contains("acc");
    }

    private static boolean validation(Scalar s) {
        return name(s).matches(".*(val|valid|validation|eval|test).*");
    }

    /** The series of the first matching tag (by run folder and tag), in step order. */
    private static List<Scalar> pick(List<Scalar> all, Predicate<Scalar> p) {
        List<Scalar> matching = all.stream().filter(p).toList();
        if (matching.isEmpty()) {
            return List.of();
        }
        String first = name(matching.stream().min(Comparator.comparing(ScalarSeries::name)).orElseThrow());
        List<Scalar> out = new ArrayList<>(matching.stream().filter(s -> name(s).equals(first)).toList());
        out.sort(Comparator.comparingLong(Scalar::step).thenComparingDouble(Scalar::wallTime));
        return out;
    }

    private static String tags(List<Scalar> all) {
        return String.join(", ", all.stream().map(s -> s.run().isEmpty() ? s.tag() : s.run() + "/" + s.tag()).distinct().limit(12).toList());
    }

    boolean looksLikeClassification() {
        return !accuracy.isEmpty();
    }

    /** Whether the training loss is per step (more points than epochs) rather than per epoch. */
    private boolean perStep() {
        boolean keras = train.get(0).tag().startsWith("epoch_");
        return !keras && !validation.isEmpty() && train.size() > validation.size();
    }

    long[] stepNumbers() {
        return perStep() ? train.stream().mapToLong(Scalar::step).toArray() : new long[0];
    }

    double[] stepLosses() {
        return perStep() ? train.stream().mapToDouble(Scalar::value).toArray() : new double[0];
    }

    List<EpochPoint> epochs(Task task) {
        boolean steps = perStep();
        int n = steps ? validation.size() : train.size();
        List<EpochPoint> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            double trainLoss;
            long step;
            if (steps) {
                int from = (int) ((long) e * train.size() / n);
                int to = (int) ((long) (e + 1) * train.size() / n);
                trainLoss = train.subList(from, to).stream().mapToDouble(Scalar::value).average().orElse(Double.NaN);
                step = train.get(to - 1).step();
            } else {
                trainLoss = train.get(e).value();
                step = train.get(e).step();
            }
            double metric = task == Task.CLASSIFICATION && e < accuracy.size() ? accuracy.get(e).value() : Double.NaN;
            out.add(new EpochPoint(e + 1, step, e < rate.size() ? rate.get(e).value() : Double.NaN, trainLoss,
                    e < validation.size() ? validation.get(e).value() : Double.NaN, metric, Double.NaN, Double.NaN, Double.NaN));
        }
        return out;
    }

    String describe() {
        return train.get(0).tag() + " (" + train.size() + (perStep() ? " steps" : " epochs") + ")"
                + (validation.isEmpty() ? ", no validation loss" : ", " + validation.get(0).tag() + " (" + validation.size() + ")")
                + (accuracy.isEmpty() ? "" : ", " + accuracy.get(0).tag());
    }
}
