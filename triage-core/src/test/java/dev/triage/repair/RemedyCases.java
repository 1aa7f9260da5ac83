package dev.triage.repair;

import static dev.triage.repair.EveryRemedyTest.config;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.RunConfig;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.DuplicateRows;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.log.RunSetup;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One representative case per remedy: a configuration and the run it came from, the change the remedy
 * must make (by hand from the remedy's rule; null for a remedy a person carries out), and a context in
 * which the remedy is already in place.
 */
final class RemedyCases {
    record Case(RemedyContext context, Map<String, Object> change, RemedyContext inPlace) {
    }

    static final Map<Remedy, Case> ALL = new EnumMap<>(Remedy.class);
    private static final RunLog REGRESSION = log(Task.REGRESSION, 0, List.of(feature("a", false), feature("b", false)));
    private static final RunLog CLASSES = log(Task.CLASSIFICATION, 0, List.of(feature("a", false), feature("b", false)));


    static {
        data();
        training();
        rates();
        model();
        capacity();
    }

    private RemedyCases() {
    }

    static Case of(Remedy r) {
        Case c = ALL.get(r);
        if (c == null) {
            throw new AssertionError("no case for remedy " + r + ": add one to RemedyCases");
        }
        return c;
    }

    /** A run of two ReLU layers (8 units, biases from {@code bias}) on the given features. */
    static RunLog log(Task task, double bias, List<ColumnProfile> features) {
        List<LayerFacts> layers = List.of(new LayerFacts(0, features.size(), 8, Activation.RELU, 0, false, Init.HE_UNIFORM, 1, bias),
                new LayerFacts(1, 8, 1, Activation.IDENTITY, 0, false, Init.XAVIER_UNIFORM, 1));
        RunLog log = new RunLog();
        log.setSetup(new RunSetup(task, task == Task.CLASSIFICATION ? 2 : 0, layers, Loss.MSE, Optimizer.ADAM, 1e-3, 0.9, 32, 100,
                1000, 200, 0, 0, 0, GradientNormalization.NONE, false, false, Scaling.STANDARD, TargetScaling.NONE,
                Imputation.NONE, true, false, 100, 1 << 20, 1L << 30, DType.FLOAT32));
        log.setData(new DataSignals("d.csv", 1400, 1000, 200, 200, false, features, null, new DuplicateRows(1400, 0, 0),
                List.of(), List.of(), List.of(), 0, 0));
        return log;
    }

    static ColumnProfile feature(String name, boolean constant) {
        return new ColumnProfile(name, false, true, 1400, 0, 0, constant ? 1 : 90, false, null, null, false, constant);
    }

    static RemedyContext ctx(RunConfig c, RunLog log, String code, String where, Evidence ev) {
        return new RemedyContext(c, new Finding(code, "rule", Severity.ERROR, Phase.CONFIG, null, null, where, "m", ev,
                List.of()), log);
    }

    static RemedyContext ctx(RunConfig c, RunLog log) {
        return ctx(c, log, "X", null, Evidence.empty());
    }

    private static void add(Remedy r, RemedyContext c, Map<String, Object> change, RemedyContext inPlace) {
        ALL.put(r, new Case(c, change, inPlace));
    }

    private static void data() {
        RunConfig unscaled = config(", preprocess: {scale: none, scale_target: none}", "");
        add(Remedy.SCALE_FEATURES, ctx(unscaled, REGRESSION), Map.of("data.preprocess.scale", "standard"),
                ctx(config(", preprocess: {scale: minmax}", ""), REGRESSION));
        add(Remedy.ROBUST_SCALE_FEATURES, ctx(unscaled, REGRESSION), Map.of("data.preprocess.scale", "robust"),
                ctx(config(", preprocess: {scale: robust}", ""), REGRESSION));
        add(Remedy.SCALE_TARGET, ctx(unscaled, REGRESSION), Map.of("data.preprocess.scale_target", "standard"),
                ctx(unscaled, CLASSES));
        add(Remedy.IMPUTE_MISSING, ctx(config("", ""), REGRESSION), Map.of("data.preprocess.impute", "median"),
                ctx(config(", preprocess: {impute: mean}", ""), REGRESSION));
        RunLog constant = log(Task.REGRESSION, 0, List.of(feature("a", false), feature("b", true), feature("c", true)));
        add(Remedy.DROP_CONSTANT_FEATURES, ctx(config(", drop_columns: [c]", ""), constant), Map.of("data.drop_columns",
                List.of("c", "b")), ctx(config("", ""), REGRESSION));
        add(Remedy.DROP_LEAKING_FEATURE, ctx(config("", ""), REGRESSION, "X", "b", Evidence.empty()),
                Map.of("data.drop_columns", List.of("b")), ctx(config(", drop_columns: [a]", ""), REGRESSION, "X", "b",
                        Evidence.empty()));
        add(Remedy.DROP_COLUMN, ctx(config(", drop_columns: [x]", ""), REGRESSION, "X", "a", Evidence.empty()),
                Map.of("data.drop_columns", List.of("x", "a")), ctx(config(", drop_columns: [a]", ""), REGRESSION, "X", "a",
                        Evidence.empty()));
        add(Remedy.SHUFFLE_SPLIT, ctx(config(", split: {shuffle: false}", ""), CLASSES), Map.of("data.split.shuffle", true),
                ctx(config("", ""), CLASSES));
        add(Remedy.STRATIFY_SPLIT, ctx(config(", split: {shuffle: false}", ""), CLASSES), Map.of("data.split.shuffle", true,
                "data.split.stratify", true), ctx(config(", split: {stratify: true}", ""), CLASSES));
        add(Remedy.TREAT_OUTLIERS_AS_MISSING, ctx(config(", missing: ['?']", ""), REGRESSION, "X", "a",
                Evidence.of("sentinel", 999)), Map.of("data.missing", List.of("?", "999"), "data.preprocess.impute", "median"),
                ctx(config(", missing: ['999']", ""), REGRESSION, "X", "a", Evidence.of("sentinel", 999)));
        add(Remedy.CHECK_LABELS, ctx(config("", ""), CLASSES), null, ctx(config("", ""), CLASSES));
        add(Remedy.RESHAPE_TARGET, ctx(config("", ""), REGRESSION), null, ctx(config("", ""), REGRESSION));
    }

    private static void training() {
        add(Remedy.USE_ADAM, ctx(config("", "training: {optimizer: sgd, learning_rate: 0.05}\n"), REGRESSION),
                Map.of("training.optimizer", "adam", "training.learning_rate", 0.001),
                ctx(config("", "training: {optimizer: adamw}\n"), REGRESSION));
        add(Remedy.ADD_LR_SCHEDULE, ctx(config("", ""), REGRESSION), Map.of("training.schedule.type", "cosine"),
                ctx(config("", "training: {schedule: step}\n"), REGRESSION));
        add(Remedy.FIX_LR_SCHEDULE, ctx(config("", "training: {schedule: exponential}\n"), REGRESSION),
                Map.of("training.schedule.type", "cosine"), ctx(config("", "training: {schedule: cosine}\n"), REGRESSION));
        add(Remedy.REWEIGHT_CLASSES, ctx(config("", ""), CLASSES), Map.of("training.class_weights", "balanced"),
                ctx(config("", ""), REGRESSION));
        add(Remedy.CLIP_GRADIENTS, ctx(config("", "training: {gradient_normalization_threshold: 5.0}\n"), REGRESSION), Map.of("training.gradient_normalization",
                "clip_global_norm", "training.gradient_normalization_threshold", 1.0),
                ctx(config("", "training: {gradient_normalization: clip_l2_per_layer}\n"), REGRESSION));
        add(Remedy.USE_FLOAT64, ctx(config("", ""), REGRESSION), Map.of("training.dtype", "float64"),
                ctx(config("", "training: {dtype: float64}\n"), REGRESSION));
        add(Remedy.EARLY_STOPPING, ctx(config("", "training: {epochs: 250}\n"), REGRESSION),
                Map.of("training.early_stopping.patience", 25L, "training.early_stopping.min_delta", 0.0,
                        "training.early_stopping.restore_best", true),
                ctx(config("", "training: {early_stopping: {patience: 5, restore_best: true}}\n"), REGRESSION));
        add(Remedy.TRAIN_LONGER, ctx(config("", "training: {epochs: 300}\n"), REGRESSION), Map.of("training.epochs", 600L),
                ctx(config("", "training: {epochs: 1000}\n"), REGRESSION));
        add(Remedy.CHANGE_BATCH_SIZE, ctx(config("", "training: {batch_size: 64}\n"), REGRESSION, "CONFIG_MEMORY", null,
                Evidence.empty()), Map.of("training.batch_size", 16L), ctx(config("", "training: {batch_size: 32}\n"),
                REGRESSION, "CONFIG_BATCH_SIZE", null, Evidence.empty()));
    }

    private static void rates() {
        add(Remedy.LOWER_LEARNING_RATE, ctx(config("", "training: {optimizer: adam, learning_rate: 0.5}\n"), REGRESSION),
                Map.of("training.learning_rate", 0.001),
                ctx(config("", "training: {optimizer: adam, learning_rate: 5.0e-7}\n"), REGRESSION));
        add(Remedy.RAISE_LEARNING_RATE, ctx(config("", "training: {optimizer: adam, learning_rate: 0.0001}\n"), REGRESSION,
                "X", null, Evidence.of("update_ratio", 2e-5)), Map.of("training.learning_rate", 0.005),
                ctx(config("", "training: {optimizer: adam, learning_rate: 0.01}\n"), REGRESSION));
    }

    private static void model() {
        add(Remedy.USE_LEAKY_RELU, ctx(config("", "model: {hidden: [16, {units: 8, activation: relu}]}\n"), REGRESSION),
                Map.of("model.activation", "leaky_relu", "model.hidden", List.of(16L, Map.of("units", 8L, "activation",
                        "leaky_relu"))), ctx(config("", "model: {activation: tanh}\n"), REGRESSION));
        RunLog biased = log(Task.REGRESSION, -3, List.of(feature("a", false)));
        add(Remedy.USE_HE_INIT, ctx(config("", "model: {bias_init: -3, init_scale: 2.0}\n"), biased),
                Map.of("model.bias_init", 0.0, "model.init_scale", 1.0), ctx(config("", ""), REGRESSION));
        add(Remedy.USE_XAVIER_INIT, ctx(config("", "model: {init: he_normal}\n"), REGRESSION),
                Map.of("model.init", "xavier_normal"), ctx(config("", "model: {init: xavier_normal}\n"), null));
        add(Remedy.ADD_BATCH_NORM, ctx(config("", ""), REGRESSION), Map.of("model.batch_norm", true),
                ctx(config("", "model: {batch_norm: true}\n"), REGRESSION));
        add(Remedy.FIX_OUTPUT_AND_LOSS, ctx(config("", "model: {output_activation: sigmoid, loss: mae}\n"), REGRESSION),
                Map.of("model.output_activation", "auto", "model.loss", "auto"), ctx(config("", ""), REGRESSION));
        add(Remedy.REDUCE_REGULARIZATION, ctx(config("", "training: {l1: 0.0005, l2: 0.1, weight_decay: 0.5}\n"), REGRESSION),
                Map.of("training.l1", 0.0005 / 10, "training.l2", 1e-4, "training.weight_decay", 0.01),
                ctx(config("", ""), REGRESSION));
        add(Remedy.ADD_REGULARIZATION, ctx(config("", "training: {l2: 0.0001}\n"), REGRESSION),
                Map.of("training.l2", 0.0001 * 10), ctx(config("", "training: {l2: 0.01}\n"), REGRESSION));
        add(Remedy.REDUCE_DROPOUT, ctx(config("", "model: {dropout: 0.5, hidden: [16, {units: 8, dropout: 0.3}]}\n"),
                REGRESSION), Map.of("model.dropout", 0.1, "model.hidden", List.of(16L, Map.of("units", 8L, "dropout", 0.15))),
                ctx(config("", ""), REGRESSION));
        add(Remedy.ADD_DROPOUT, ctx(config("", ""), REGRESSION), Map.of("model.dropout", 0.2),
                ctx(config("", "model: {dropout: 0.05}\n"), REGRESSION));
    }

    private static void capacity() {
        add(Remedy.REDUCE_CAPACITY, ctx(config("", "model: {hidden: [64, 6]}\n"), REGRESSION, "CONFIG_MEMORY", null,
                Evidence.empty()), Map.of("model.hidden", List.of(32L, 4L)), ctx(config("", "model: {hidden: [4, 4]}\n"),
                REGRESSION));
        add(Remedy.INCREASE_CAPACITY, ctx(config("", "model: {hidden: [8, 40]}\n"), REGRESSION), Map.of("model.hidden",
                List.of(32L, 80L)), ctx(config("", "model: {hidden: [1024]}\n"), REGRESSION));
    }
}
