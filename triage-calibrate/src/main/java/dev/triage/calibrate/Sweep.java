package dev.triage.calibrate;

import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Replay;
import dev.triage.diagnose.Rule;
import dev.triage.diagnose.Severity;
import dev.triage.probe.log.RunLog;
import dev.triage.probe.telemetry.TelemetryReader;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Threshold sweeps: each run's recorded run log ({@code signals.jsonl}) is replayed through a few rules
 * built with other thresholds than their defaults (through their public constructors, found by
 * reflection so that a rule whose constructor changed is simply left out: variants for both the current
 * and the proposed constructors are listed, each table shows the ones this build has), and the worst severity each
 * variant reaches is kept. The analysis then gives, per variant, the false-alarm rate on the healthy
 * population and the detection rate on the faults, which is what a threshold should be chosen from.
 */
final class Sweep {
    /** One rule with one set of constructor arguments; {@code label} is how tables name it. */
    record Variant(String code, String ruleClass, Object[] args, String label, boolean isDefault) {
        String key() {
            return code + " " + label;
        }
    }

    static final List<Variant> VARIANTS = List.of(
            v("DATA_TOO_SMALL", "data.TooSmallRule", "warn 30, error 100 per row", true, 30.0, 100.0),
            v("DATA_TOO_SMALL", "data.TooSmallRule", "warn 30, error 300", false, 30.0, 300.0),
            v("DATA_TOO_SMALL", "data.TooSmallRule", "warn 100, error 1000", false, 100.0, 1000.0),
            v("DATA_TOO_SMALL", "data.TooSmallRule", "warning only, from 30 per row", false, 30.0),
            v("DATA_TOO_SMALL", "data.TooSmallRule", "warning only, from 100 per row", false, 100.0),
            v("DATA_UNSCALED", "data.UnscaledFeaturesRule", "warn 20, error 100 (tiny: 0.05, 0.01)", true, 20.0, 100.0),
            v("DATA_UNSCALED", "data.UnscaledFeaturesRule", "warn 20, error 1000 (tiny: 0.05, 0.001)", false, 20.0, 1000.0),
            v("DATA_UNSCALED", "data.UnscaledFeaturesRule", "warn 20, error 10000 (tiny: 0.05, 0.0001)", false, 20.0, 10000.0),
            v("DATA_SPLIT_SHIFT", "data.SplitShiftRule", "mean shift 1 pooled SD or KS 0.5", true, 1.0, 0.5, 20),
            v("DATA_SPLIT_SHIFT", "data.SplitShiftRule", "mean shift 3 pooled SD or KS 0.5", false, 3.0, 0.5, 20),
            v("DATA_SPLIT_SHIFT", "data.SplitShiftRule", "KS 0.5 only", false, 1e12, 0.5, 20),
            v("TRAIN_OVERFITTING", "dynamics.OverfittingRule", "rise 25%, patience 5", true, 0.25, 5),
            v("TRAIN_OVERFITTING", "dynamics.OverfittingRule", "rise 50%", false, 0.5, 5),
            v("TRAIN_OVERFITTING", "dynamics.OverfittingRule", "rise 100%", false, 1.0, 5),
            v("TRAIN_LOSS_OSCILLATING", "dynamics.OscillatingRule", "swing 10% (error 20%), flips 40%", true, 20, 0.1, 0.4),
            v("TRAIN_LOSS_OSCILLATING", "dynamics.OscillatingRule", "swing 15% (error 30%), flips 50%", false, 20, 0.15, 0.5),
            v("TRAIN_LOSS_OSCILLATING", "dynamics.OscillatingRule", "swing 25% (error 50%), flips 50%", false, 20, 0.25, 0.5),
            v("TRAIN_LOSS_DIVERGING", "dynamics.DivergingRule", "jump 10x, rising 5 epochs", true, 10.0, 5),
            v("TRAIN_LOSS_DIVERGING", "dynamics.DivergingRule", "jump 10x, rising 8 epochs", false, 10.0, 8),
            v("TRAIN_LOSS_DIVERGING", "dynamics.DivergingRule", "jump 10x only", false, 10.0, 1_000_000),
            v("TRAIN_PREDICTS_CONSTANT", "dynamics.PredictsConstantRule", "spread 10%, 3 epochs, quality 0.97", true, 0.1, 3, 0.97),
            v("TRAIN_PREDICTS_CONSTANT", "dynamics.PredictsConstantRule", "spread 10%, 5 epochs", false, 0.1, 5, 0.97),
            v("TRAIN_PREDICTS_CONSTANT", "dynamics.PredictsConstantRule", "spread 5%, 3 epochs", false, 0.05, 3, 0.97),
            v("TRAIN_PREDICTS_CONSTANT", "dynamics.PredictsConstantRule", "quality 0.99", false, 0.1, 3, 0.99),
            v("TRAIN_PREDICTS_CONSTANT", "dynamics.PredictsConstantRule", "spread 5%, last 3 epochs", false, 0.05, 3),
            v("TRAIN_PREDICTS_CONSTANT", "dynamics.PredictsConstantRule", "spread 10%, last 3 epochs", false, 0.1, 3),
            v("TRAIN_UNDERFITTING", "dynamics.UnderfittingRule", "error < 50%, warning < 80% of baseline skill", true, 0.5, 0.8),
            v("TRAIN_UNDERFITTING", "dynamics.UnderfittingRule", "error < 30%", false, 0.3, 0.8),
            v("TRAIN_UNDERFITTING", "dynamics.UnderfittingRule", "error < 70%, warning < 90%", false, 0.7, 0.9),
            v("TRAIN_UPDATE_RATIO", "dynamics.UpdateRatioRule", "1e-4..1e-2 (error 1e-5, 0.1)", false, 1e-4, 1e-2, 1e-5, 0.1, 3),
            v("TRAIN_UPDATE_RATIO", "dynamics.UpdateRatioRule", "1e-4..3e-2 (error 1e-5, 0.1)", true, 1e-4, 3e-2, 1e-5, 0.1, 3),
            v("TRAIN_UPDATE_RATIO", "dynamics.UpdateRatioRule", "1e-4..5e-2 (error 1e-5, 0.3)", false, 1e-4, 5e-2, 1e-5, 0.3, 3),
            v("TRAIN_LOSS_PLATEAU", "dynamics.PlateauRule", "window 10, 1%, share 75%", true, 10, 0.01, 0.75),
            v("TRAIN_LOSS_PLATEAU", "dynamics.PlateauRule", "share 50%", false, 10, 0.01, 0.5));

    private static Variant v(String code, String cls, String label, boolean isDefault, Object... args) {
        return new Variant(code, "dev.triage.diagnose." + cls, args, label, isDefault);
    }

    /** The key that marks a run whose log was replayed (variants that stayed silent have no key). */
    static final String REPLAYED = "(replayed)";

    private Sweep() {
    }

    /** The variants whose rule and constructor exist in this build. */
    static List<Variant> available() {
        return VARIANTS.stream().filter(v -> build(v) != null).toList();
    }

    static Rule build(Variant v) {
        try {
            Class<?> c = Class.forName(v.ruleClass());
            for (Constructor<?> k : c.getConstructors()) {
                Class<?>[] p = k.getParameterTypes();
                if (p.length != v.args().length) {
                    continue;
                }
                Object[] a = new Object[p.length];
                boolean ok = true;
                for (int i = 0; i < p.length && ok; i++) {
                    Number n = (Number) v.args()[i];
                    if (p[i] == double.class) {
                        a[i] = n.doubleValue();
                    } else if (p[i] == int.class) {
                        a[i] = n.intValue();
                        ok = n.doubleValue() == n.intValue();
                    } else {
                        ok = false;
                    }
                }
                if (ok) {
                    return (Rule) k.newInstance(a);
                }
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
        return null;
    }

    /** Replays the run log in {@code runDir} through every variant; the worst severity each reached (absent: silent). */
    static Map<String, String> replay(Path runDir, List<Variant> variants) {
        Path file = new dev.triage.train.RunFolder(runDir).signals();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        RunLog log = TelemetryReader.read(file).log();
        Map<String, String> out = new LinkedHashMap<>();
        out.put(REPLAYED, "yes");
        for (Variant v : variants) {
            Rule r = build(v);
            Doctor d = Replay.run(log, new Doctor(List.of(r), List.of()));
            d.findings().stream().filter(f -> f.code().equals(v.code())).map(Finding::severity)
                    .max(java.util.Comparator.comparingInt(Severity::rank))
                    .ifPresent(s -> out.put(v.key(), s.name().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    static String describe(List<Variant> vs) {
        return vs.stream().map(Variant::key).collect(Collectors.joining("; "));
    }

    static List<Variant> forCode(String code) {
        List<Variant> out = new ArrayList<>();
        for (Variant v : available()) {
            if (v.code().equals(code)) {
                out.add(v);
            }
        }
        return out;
    }
}
