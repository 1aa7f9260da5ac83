package dev.triage.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Binds the {@code training} section: optimizer, learning rate, schedule, regularization, phases. */
final class TrainingBinder {
    static final Range LEARNING_RATE = Range.of(0, false, 100, true);
    private static final String LR_HINT = "typical values: 0.0001 to 0.1";

    private TrainingBinder() {
    }

    static TrainingConfig bind(Section s, Map<String, Object> tree, BindContext ctx) {
        Optimizer opt = s.choice("optimizer", Optimizer.ADAM, Optimizer.values());
        double lr = s.number("learning_rate", 0.001, LEARNING_RATE, LR_HINT);
        double momentum = s.number("momentum", 0.9, Range.FRACTION, "e.g. 0.9");
        double[] betas = betas(s);
        int batch = s.integer("batch_size", 32, 1, 10_000_000);
        int epochs = s.integer("epochs", 100, 1, 1_000_000);
        double l1 = s.number("l1", 0.0, Range.closed(0, 1e6), "common values: 1e-6 to 1e-3");
        double l2 = s.number("l2", 0.0, Range.closed(0, 1e6), "common values: 1e-6 to 1e-3");
        double wd = s.number("weight_decay", 0.0, Range.closed(0, 1e6), "common values: 1e-4 to 1e-2");
        GradientNormalization gn = s.choice("gradient_normalization", GradientNormalization.NONE,
                GradientNormalization.values());
        double gnt = s.number("gradient_normalization_threshold", 1.0, Range.POSITIVE, "e.g. 1.0");
        ScheduleConfig schedule = schedule(s);
        EarlyStoppingConfig early = earlyStopping(s);
        PhaseConfig then = then(s);
        long seed = s.longValue("seed", 42);
        DType dtype = s.choice("dtype", DType.FLOAT32, DType.values());
        int threads = s.autoOrInteger("threads", 1, 1024);
        ClassWeights weights = classWeights(s);
        s.finish();
        tree.put("training", s.output());
        return new TrainingConfig(opt, lr, momentum, betas[0], betas[1], batch, epochs, l1, l2, wd, gn, gnt,
                schedule, early, then, seed, dtype, threads, weights);
    }

    /** {@code class_weights}: none | balanced | {class: weight > 0}. */
    private static ClassWeights classWeights(Section s) {
        ConfigNode v = s.raw("class_weights");
        ClassWeights w = ClassWeights.NONE;
        if (v != null && !v.isNull() && v.isMap()) {
            Map<String, Double> weights = new LinkedHashMap<>();
            v.entries().forEach((cls, value) -> {
                double d = s.asDouble(value, "class_weights." + cls, "a weight > 0, e.g. 2.0");
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw s.error(value, "class_weights." + cls, "must be a weight > 0, e.g. 2.0");
                }
                weights.put(cls, d);
            });
            w = new ClassWeights(ClassWeights.Mode.EXPLICIT, weights, v.origin().describe());
        } else if (v != null && !v.isNull()) {
            String text = v.isScalar() ? String.valueOf(v.value()) : null;
            if (!"none".equals(text) && !"balanced".equals(text)) {
                throw s.error(v, "class_weights", "is not one of none | balanced | a map {class: weight}"
                        + (text == null ? "" : Suggest.hint(text, java.util.List.of("none", "balanced"))));
            }
            w = "balanced".equals(text) ? new ClassWeights(ClassWeights.Mode.BALANCED, Map.of(), v.origin().describe())
                    : ClassWeights.NONE;
        }
        s.put("class_weights", w.toTree());
        return w;
    }

    private static double[] betas(Section s) {
        ConfigNode v = s.raw("betas");
        double[] b = {0.9, 0.999};
        if (v != null && !v.isNull()) {
            if (!v.isList() || v.items().size() != 2) {
                throw s.error(v, "betas", "must be a list of two numbers like [0.9, 0.999]");
            }
            for (int i = 0; i < 2; i++) {
                b[i] = s.asDouble(v.items().get(i), "betas", "a list of two numbers in [0, 1)");
                if (!Range.FRACTION.contains(b[i])) {
                    throw s.error(v, "betas", "must hold two numbers >= 0 and < 1, e.g. [0.9, 0.999]");
                }
            }
        }
        s.put("betas", java.util.List.of(b[0], b[1]));
        return b;
    }

    private static ScheduleConfig schedule(Section s) {
        ConfigNode v = s.raw("schedule");
        Section sch;
        if (v != null && v.isScalar() && !v.isNull()) {
            ConfigNode asMap = ConfigNode.map(Map.of("type", v), v.origin());
            sch = new Section(s.key("schedule"), asMap, v.origin(), s.context());
        } else {
            sch = new Section(s.key("schedule"), v, s.originOf(v), s.context());
        }
        ScheduleType type = sch.choice("type", ScheduleType.CONSTANT, ScheduleType.values());
        int stepSize = sch.integer("step_size", 30, 1, 1_000_000);
        double gamma = sch.number("gamma", 0.1, Range.of(0, false, 1, true), "a factor in (0, 1], e.g. 0.1");
        int patience = sch.integer("patience", 10, 1, 1_000_000);
        int warmup = sch.integer("warmup_epochs", 5, 0, 1_000_000);
        double minLr = sch.number("min_learning_rate", 0.0, Range.NON_NEGATIVE, "e.g. 0 or 1e-6");
        sch.finish();
        s.put("schedule", sch.output());
        return new ScheduleConfig(type, stepSize, gamma, patience, warmup, minLr);
    }

    private static EarlyStoppingConfig earlyStopping(Section s) {
        ConfigNode v = s.raw("early_stopping");
        if (v == null || v.isNull() || Boolean.FALSE.equals(v.value())) {
            s.put("early_stopping", null);
            return null;
        }
        ConfigNode node = Boolean.TRUE.equals(v.value()) ? ConfigNode.map(Map.of(), v.origin()) : v;
        Section es = new Section(s.key("early_stopping"), node, v.origin(), s.context());
        int patience = es.integer("patience", 20, 1, 1_000_000);
        double minDelta = es.number("min_delta", 0.0, Range.NON_NEGATIVE, "e.g. 0 or 0.0001");
        boolean restore = es.bool("restore_best", true);
        es.finish();
        s.put("early_stopping", es.output());
        return new EarlyStoppingConfig(patience, minDelta, restore);
    }

    private static PhaseConfig then(Section s) {
        ConfigNode v = s.raw("then");
        if (v == null || v.isNull()) {
            s.put("then", null);
            return null;
        }
        Section ph = new Section(s.key("then"), v, v.origin(), s.context());
        Optimizer opt = ph.choice("optimizer", Optimizer.LBFGS, Optimizer.values());
        int epochs = ph.integer("epochs", 20, 1, 1_000_000);
        double lr = ph.number("learning_rate", opt == Optimizer.LBFGS ? 1.0 : 0.001, LEARNING_RATE, LR_HINT);
        ph.finish();
        Map<String, Object> out = new LinkedHashMap<>(ph.output());
        s.put("then", out);
        return new PhaseConfig(opt, epochs, lr);
    }
}
