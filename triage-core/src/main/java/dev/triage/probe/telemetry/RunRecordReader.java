package dev.triage.probe.telemetry;

import dev.triage.config.Activation;
import dev.triage.config.ConfigChoice;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Init;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.Scaling;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import dev.triage.probe.log.InputStats;
import dev.triage.probe.log.LayerFacts;
import dev.triage.probe.log.RunOrigin;
import dev.triage.probe.log.RunSetup;
import dev.triage.probe.log.TargetStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code run} record. Facts a framework did not record get values the rules read as
 * "unknown" (a rate of NaN, zero rows, a null scaling), so the checks that need them stay silent.
 */
final class RunRecordReader {
    private RunRecordReader() {
    }

    static RunOrigin origin(Fields run) {
        String framework = run.has("framework") ? run.text("framework") : "unknown";
        Fields opt = run.object("optimizer");
        return new RunOrigin(framework, run.text("framework_version"), run.text("loss"), opt.text("name"));
    }

    static RunSetup setup(Fields run, RunOrigin origin) {
        Task task = task(run);
        int classes = run.count("classes", 0);
        Loss loss = ForeignNames.loss(origin.lossName());
        List<LayerFacts> layers = layers(run, origin, loss);
        Fields opt = run.object("optimizer");
        Optimizer optimizer = ForeignNames.optimizer(opt.text("name"));
        double momentum = opt.num("momentum");
        Fields pre = run.object("preprocessing");
        Fields extra = run.object("x_triage");
        long parameters = run.integer("parameters", layers.stream().mapToLong(l -> (long) (l.fanIn() + 1) * l.units()).sum());
        return new RunSetup(task, classes, layers, loss, optimizer, opt.num("learning_rate"),
                Double.isNaN(momentum) ? 0 : momentum, run.count("batch_size", 0), run.count("epochs", 0),
                run.count("train_rows", 0), run.count("validation_rows", 0), zero(run.num("l1")), zero(run.num("l2")),
                zero(opt.num("weight_decay")), choice(run, "gradient_clipping", GradientNormalization.class, GradientNormalization.NONE),
                run.flag("early_stopping", false), run.flag("restore_best", false),
                choice(pre, "scale", Scaling.class, null), choice(pre, "scale_target", TargetScaling.class, null),
                choice(pre, "impute", Imputation.class, Imputation.NONE), extra.flag("shuffled", true),
                extra.flag("stratified", false), parameters, extra.integer("estimated_bytes", 0),
                extra.integer("max_heap_bytes", 0), choice(extra, "dtype", DType.class, DType.FLOAT32));
    }

    private static Task task(Fields run) {
        String t = run.text("task");
        if (t == null) {
            throw run.missing("task", "\"regression\" or \"classification\"");
        }
        return switch (t) {
            case "regression" -> Task.REGRESSION;
            case "classification", "binary", "multiclass" -> Task.CLASSIFICATION;
            default -> throw run.bad("task", run.node().get("task"), "\"regression\" or \"classification\"");
        };
    }

    private static List<LayerFacts> layers(Fields run, RunOrigin origin, Loss loss) {
        List<LayerFacts> out = new ArrayList<>();
        var array = run.node().path("layers");
        for (int i = 0; i < array.size(); i++) {
            Fields l = run.child("layers[" + i + "]", array.get(i));
            out.add(layer(l, i, origin, i == array.size() - 1 ? loss : null));
        }
        return out;
    }

    private static LayerFacts layer(Fields l, int index, RunOrigin origin, Loss outputLoss) {
        String act = l.has("activation") ? l.text("activation") : "unknown";
        Activation a = ForeignNames.activation(act);
        String actName = origin.foreign() ? act : null;
        if (outputLoss != null && a == Activation.IDENTITY && ForeignNames.lossTakesLogits(origin.lossName())) {
            // CrossEntropyLoss and BCEWithLogitsLoss apply the softmax / sigmoid themselves.
            a = outputLoss == Loss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : Activation.SOFTMAX;
            actName = "identity (" + origin.lossName() + " applies " + a.configName() + ")";
        }
        Init init = l.has("init") ? ForeignNames.init(l.text("init")) : Init.OTHER;
        double initScale = l.num("init_scale");
        return new LayerFacts(l.count("index", index), l.count("in", 0), l.count("units", 0), a, zero(l.num("dropout")),
                l.flag("batch_norm", false), init, Double.isNaN(initScale) ? 1 : initScale,
                origin.foreign() ? l.text("name") : null, origin.foreign() ? l.text("kind") : null, actName);
    }

    static InputStats inputs(Fields run) {
        Fields in = run.object("inputs");
        double[] mean = in.numbers("mean");
        if (mean == null) {
            return null;
        }
        double[] std = orNaN(in.numbers("std"), mean.length);
        double[] min = orNaN(in.numbers("min"), mean.length);
        double[] max = orNaN(in.numbers("max"), mean.length);
        double[] nf = in.numbers("nonfinite");
        long[] nonFinite = new long[mean.length];
        for (int i = 0; nf != null && i < Math.min(nf.length, mean.length); i++) {
            nonFinite[i] = (long) nf[i];
        }
        return new InputStats(in.integer("rows", 0), in.texts("names"), mean, std, min, max, nonFinite);
    }

    static TargetStats targets(Fields run) {
        Fields t = run.object("targets");
        if (!t.has("min") && !t.has("max") && !t.has("mean")) {
            return null;
        }
        return new TargetStats(t.integer("rows", 0), t.num("mean"), t.num("std"), t.num("min"), t.num("max"));
    }

    private static double[] orNaN(double[] v, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        if (v != null) {
            System.arraycopy(v, 0, out, 0, Math.min(n, v.length));
        }
        return out;
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static <E extends Enum<E> & ConfigChoice> E choice(Fields f, String key, Class<E> type, E absent) {
        String t = f.text(key);
        if (t == null) {
            return absent;
        }
        E e = ConfigChoice.parse(type, t.toLowerCase(java.util.Locale.ROOT));
        return e == null ? absent : e;
    }
}
