package dev.triage.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The keys of {@code run.yaml} that code changes (remedies), each with the type of its value. A
 * section key ({@link #SCHEDULE}, {@link #EARLY_STOPPING}) replaces the whole section: settings not
 * given go back to their defaults.
 */
public final class ConfigKeys {
    public static final ConfigKey<Scaling> SCALE = ConfigKey.choice("data.preprocess.scale");
    public static final ConfigKey<TargetScaling> SCALE_TARGET = ConfigKey.choice("data.preprocess.scale_target");
    public static final ConfigKey<Imputation> IMPUTE = ConfigKey.choice("data.preprocess.impute");
    public static final ConfigKey<List<String>> MISSING = ConfigKey.names("data.missing");
    public static final ConfigKey<List<String>> DROP_COLUMNS = ConfigKey.names("data.drop_columns");
    public static final ConfigKey<Boolean> SHUFFLE = ConfigKey.flag("data.split.shuffle");
    /** Written as {@code auto}, {@code true} or {@code false}, as the resolved document holds it. */
    public static final ConfigKey<Stratify> STRATIFY = ConfigKey.of("data.split.stratify",
            s -> s == Stratify.AUTO ? "auto" : (Object) (s == Stratify.TRUE));

    public static final ConfigKey<List<WrittenLayer>> HIDDEN = ConfigKey.of("model.hidden",
            layers -> layers.stream().map(WrittenLayer::toDocument).toList());
    public static final ConfigKey<Activation> ACTIVATION = ConfigKey.choice("model.activation");
    public static final ConfigKey<Activation> OUTPUT_ACTIVATION = ConfigKey.choice("model.output_activation");
    public static final ConfigKey<Loss> LOSS = ConfigKey.choice("model.loss");
    public static final ConfigKey<Init> INIT = ConfigKey.choice("model.init");
    public static final ConfigKey<Double> INIT_SCALE = ConfigKey.number("model.init_scale");
    public static final ConfigKey<Double> BIAS_INIT = ConfigKey.number("model.bias_init");
    public static final ConfigKey<Double> DROPOUT = ConfigKey.number("model.dropout");
    public static final ConfigKey<Boolean> BATCH_NORM = ConfigKey.flag("model.batch_norm");

    public static final ConfigKey<Optimizer> OPTIMIZER = ConfigKey.choice("training.optimizer");
    public static final ConfigKey<Double> LEARNING_RATE = ConfigKey.number("training.learning_rate");
    public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.count("training.batch_size");
    public static final ConfigKey<Integer> EPOCHS = ConfigKey.count("training.epochs");
    public static final ConfigKey<Double> L1 = ConfigKey.number("training.l1");
    public static final ConfigKey<Double> L2 = ConfigKey.number("training.l2");
    public static final ConfigKey<Double> WEIGHT_DECAY = ConfigKey.number("training.weight_decay");
    public static final ConfigKey<GradientNormalization> GRADIENT_NORMALIZATION =
            ConfigKey.choice("training.gradient_normalization");
    public static final ConfigKey<Double> GRADIENT_NORMALIZATION_THRESHOLD =
            ConfigKey.number("training.gradient_normalization_threshold");
    public static final ConfigKey<DType> DTYPE = ConfigKey.choice("training.dtype");
    /** A schedule of this type with its default settings (replaces the whole section). */
    public static final ConfigKey<ScheduleType> SCHEDULE = ConfigKey.of("training.schedule",
            t -> Map.of("type", t.configName()));
    /** Early stopping as given (replaces the whole section). */
    public static final ConfigKey<EarlyStoppingConfig> EARLY_STOPPING = ConfigKey.of("training.early_stopping",
            ConfigKeys::earlyStopping);
    /** {@code none} or {@code balanced}; explicit weights are a map the user writes. */
    public static final ConfigKey<ClassWeights.Mode> CLASS_WEIGHTS = ConfigKey.of("training.class_weights",
            ConfigKeys::classWeights);

    private ConfigKeys() {
    }

    private static Object earlyStopping(EarlyStoppingConfig e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patience", (long) e.patience());
        m.put("min_delta", e.minDelta());
        m.put("restore_best", e.restoreBest());
        return m;
    }

    private static Object classWeights(ClassWeights.Mode mode) {
        if (mode == ClassWeights.Mode.EXPLICIT) {
            throw new IllegalArgumentException("explicit class weights are a map of the user's classes, not a mode");
        }
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
