package dev.triage.repair;

import dev.triage.config.Imputation;
import dev.triage.config.RunConfig;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remedies that change how the data is read, split or preprocessed. */
final class DataRemedies {
    private DataRemedies() {
    }

    /** Standard scaling only when nothing scales the features yet; robust scaling unless it is in place. */
    static Optional<RunConfig> scaleFeatures(RemedyContext c, Scaling to) {
        Scaling now = c.config().data().preprocess().scale();
        boolean applied = now == to || to == Scaling.STANDARD && now != Scaling.NONE;
        return applied ? Optional.empty() : Optional.of(c.config().with("data.preprocess.scale", to.configName()));
    }

    static Optional<RunConfig> scaleTarget(RemedyContext c) {
        RunConfig cfg = c.config();
        boolean regression = c.log() != null && c.log().setup() != null && c.log().setup().task() == Task.REGRESSION;
        return regression && cfg.data().preprocess().scaleTarget() == TargetScaling.NONE
                ? Optional.of(cfg.with("data.preprocess.scale_target", "standard")) : Optional.empty();
    }

    static Optional<RunConfig> impute(RemedyContext c) {
        return c.config().data().preprocess().impute() == Imputation.NONE
                ? Optional.of(c.config().with("data.preprocess.impute", "median")) : Optional.empty();
    }

    /** Adds the training-constant features to {@code data.drop_columns}. */
    static Optional<RunConfig> dropConstant(RemedyContext c) {
        if (c.log() == null || c.log().data() == null) {
            return Optional.empty();
        }
        List<String> drop = new ArrayList<>(c.config().data().dropColumns());
        c.log().data().features().stream().filter(ColumnProfile::constantInTrain).map(ColumnProfile::name)
                .filter(n -> !drop.contains(n)).forEach(drop::add);
        boolean nothingLeft = c.log().data().features().stream().allMatch(f -> drop.contains(f.name()));
        return drop.size() == c.config().data().dropColumns().size() || nothingLeft ? Optional.empty()
                : Optional.of(c.config().with("data.drop_columns", drop));
    }

    /**
     * Drops the feature column the finding is about (its subject) — never the last feature, which would
     * leave nothing to learn from. A finding about anything else (a layer, the target, a place only
     * described) names no column to drop.
     */
    static Optional<RunConfig> dropColumn(RemedyContext c) {
        if (!(c.finding().subject() instanceof Subject.Column col)) {
            return Optional.empty();
        }
        String column = col.name();
        List<String> drop = new ArrayList<>(c.config().data().dropColumns());
        boolean last = c.log() != null && c.log().data() != null && c.log().data().features().stream()
                .noneMatch(f -> !f.name().equals(column) && !drop.contains(f.name()));
        if (drop.contains(column) || last) {
            return Optional.empty();
        }
        drop.add(column);
        return Optional.of(c.config().with("data.drop_columns", drop));
    }

    static Optional<RunConfig> shuffle(RemedyContext c) {
        return c.config().data().split().shuffle() ? Optional.empty() : Optional.of(c.config().with("data.split.shuffle", true));
    }

    static Optional<RunConfig> stratify(RemedyContext c) {
        RunConfig cfg = c.config();
        if (cfg.data().split().shuffle() && cfg.data().split().stratify() == dev.triage.config.Stratify.TRUE) {
            return Optional.empty();
        }
        return Optional.of(cfg.withAll(java.util.Map.of("data.split.shuffle", true, "data.split.stratify", true)));
    }

    /** Reads the sentinel value the finding found as missing, and imputes it. */
    static Optional<RunConfig> sentinelAsMissing(RemedyContext c) {
        double sentinel = c.evidence("sentinel");
        if (!Double.isFinite(sentinel)) {
            return Optional.empty();
        }
        String token = sentinel == Math.rint(sentinel) ? Long.toString((long) sentinel) : Double.toString(sentinel);
        List<String> missing = new ArrayList<>(c.config().data().missing());
        if (missing.contains(token)) {
            return Optional.empty();
        }
        missing.add(token);
        Imputation impute = c.config().data().preprocess().impute();
        return Optional.of(c.config().withAll(java.util.Map.of("data.missing", missing, "data.preprocess.impute",
                impute == Imputation.NONE ? "median" : impute.configName())));
    }
}
