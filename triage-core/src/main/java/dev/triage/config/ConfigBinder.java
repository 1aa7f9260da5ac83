package dev.triage.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a configuration document into a validated {@link RunConfig}: every key checked against the
 * schema of {@code docs/run-config.md}, every default filled in, every error reported with the file,
 * line, key and the fix. The training section is bound by {@link TrainingBinder}.
 */
public final class ConfigBinder {
    static final List<String> DEFAULT_MISSING = List.of("", "NA", "NaN", "?");

    private ConfigBinder() {
    }

    /** Binds a whole document (the root map of run.yaml, after command-line overrides). */
    public static RunConfig bind(ConfigNode root) {
        BindContext ctx = new BindContext();
        Section s = new Section("", root, root.origin(), ctx);
        Map<String, Object> tree = new LinkedHashMap<>();
        DataConfig data = bindData(s.child("data"), tree);
        ModelConfig model = bindModel(s.child("model"), tree);
        TrainingConfig training = TrainingBinder.bind(s.child("training"), tree, ctx);
        DoctorConfig doctor = bindDoctor(s.child("doctor"), tree);
        OutputConfig output = bindOutput(s.child("output"), tree);
        s.finish();
        ctx.failOnUnknown();
        crossCheck(data, model, root.origin());
        return new RunConfig(data, model, training, doctor, output, tree, root.origin().source());
    }

    private static DataConfig bindData(Section s, Map<String, Object> tree) {
        Path path = s.path("path", null, true);
        String target = s.string("target", null, true);
        Task task = s.choice("task", Task.AUTO, Task.values());
        List<String> classes = s.strings("classes", null, true);
        Separator sep = s.choice("separator", Separator.AUTO, Separator.values());
        List<String> missing = s.strings("missing", DEFAULT_MISSING, false);
        Path testPath = s.path("test_path", null, false);
        List<String> drop = s.strings("drop_columns", List.of(), false);
        Section split = s.child("split");
        SplitConfig splitConfig = bindSplit(split);
        s.put("split", split.output());
        Section pre = s.child("preprocess");
        PreprocessConfig preprocess = bindPreprocess(pre);
        s.put("preprocess", pre.output());
        s.finish();
        if (drop.contains(target)) {
            throw s.error(s.raw("drop_columns"), "drop_columns", "drops the target '" + target + "'; remove it from the list");
        }
        tree.put("data", s.output());
        return new DataConfig(path, target, task, classes, sep, missing, testPath, drop, splitConfig, preprocess);
    }

    private static SplitConfig bindSplit(Section s) {
        double validation = s.number("validation", 0.15, Range.FRACTION, "a fraction of the rows, e.g. 0.15");
        double test = s.number("test", 0.15, Range.FRACTION, "a fraction of the rows, e.g. 0.15");
        boolean shuffle = s.bool("shuffle", true);
        Stratify stratify = s.choice("stratify", Stratify.AUTO, Stratify.values());
        s.put("stratify", stratify == Stratify.AUTO ? "auto" : (Object) (stratify == Stratify.TRUE));
        long seed = s.longValue("seed", 42);
        s.finish();
        return new SplitConfig(validation, test, shuffle, stratify, seed);
    }

    private static PreprocessConfig bindPreprocess(Section s) {
        Scaling scale = s.choice("scale", Scaling.STANDARD, Scaling.values());
        TargetScaling target = s.choice("scale_target", TargetScaling.AUTO, TargetScaling.values());
        Imputation impute = s.choice("impute", Imputation.NONE, Imputation.values());
        CategoricalEncoding cat = s.choice("categorical", CategoricalEncoding.ONEHOT, CategoricalEncoding.values());
        s.finish();
        return new PreprocessConfig(scale, target, impute, cat);
    }

    private static ModelConfig bindModel(Section s, Map<String, Object> tree) {
        ConfigNode hiddenNode = s.raw("hidden");
        Activation act = s.choice("activation", Activation.RELU, HiddenLayers.HIDDEN_ACTIVATIONS);
        double slope = s.number("leaky_relu_slope", 0.01, Range.FRACTION, "the slope for negative inputs, e.g. 0.01");
        Activation out = s.choice("output_activation", Activation.AUTO, Activation.AUTO, Activation.IDENTITY,
                Activation.SIGMOID, Activation.SOFTMAX, Activation.TANH, Activation.RELU);
        Loss loss = s.choice("loss", Loss.AUTO, Loss.values());
        Init init = s.choice("init", Init.AUTO, Init.values());
        double initScale = s.number("init_scale", 1.0, Range.ANY, "std for normal, half-width for uniform");
        double biasInit = s.number("bias_init", 0.0, Range.ANY, "");
        double dropout = s.number("dropout", 0.0, Range.FRACTION, "the probability of DROPPING a unit, e.g. 0.1");
        boolean batchNorm = s.bool("batch_norm", false);
        List<LayerConfig> hidden = HiddenLayers.bind(s, hiddenNode, act, dropout, init, batchNorm);
        s.finish();
        if (init == Init.NORMAL || init == Init.UNIFORM) {
            if (!(initScale > 0)) {
                throw s.error(s.raw("init_scale"), "init_scale", "must be > 0 for init: " + init.configName());
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("hidden", s.output().get("hidden"));
        s.output().forEach(ordered::putIfAbsent);
        tree.put("model", ordered);
        return new ModelConfig(hidden, act, slope, out, loss, init, initScale, biasInit, dropout, batchNorm);
    }

    private static DoctorConfig bindDoctor(Section s, Map<String, Object> tree) {
        boolean enabled = s.bool("enabled", true);
        boolean repair = s.bool("repair", false);
        int trials = s.integer("max_repair_trials", 5, 0, 100);
        List<String> disable = s.strings("disable", List.of(), false);
        int every = s.autoOrInteger("check_every", 1, 1_000_000);
        s.finish();
        tree.put("doctor", s.output());
        return new DoctorConfig(enabled, repair, trials, disable, every);
    }

    private static OutputConfig bindOutput(Section s, Map<String, Object> tree) {
        Path dir = s.path("dir", "runs", false);
        String name = s.string("name", null, false);
        if (name != null && !name.matches("[A-Za-z0-9._-]{1,80}")) {
            throw s.error(s.raw("name"), "name", "must be 1-80 letters, digits, '.', '_' or '-' (it names a folder)");
        }
        CheckpointPolicy cp = s.choice("checkpoints", CheckpointPolicy.BEST_AND_LAST, CheckpointPolicy.values());
        s.finish();
        tree.put("output", s.output());
        return new OutputConfig(dir, name, cp);
    }

    private static void crossCheck(DataConfig data, ModelConfig model, ConfigNode.Origin origin) {
        SplitConfig split = data.split();
        double held = split.validation() + (data.testPath() == null ? split.test() : 0);
        if (held >= 0.95) {
            throw new InvalidInputException(origin.describe() + ": data.split.validation + data.split.test = "
                    + held + " leaves almost no rows for training; keep their sum below 0.95 (e.g. 0.15 + 0.15)");
        }
        List<String> seen = new ArrayList<>();
        for (String c : data.dropColumns()) {
            if (seen.contains(c)) {
                throw new InvalidInputException(origin.describe() + ": data.drop_columns lists '" + c + "' twice");
            }
            seen.add(c);
        }
    }
}
