package dev.triage.repair;

import dev.triage.config.ConfigChange;
import dev.triage.config.Init;
import dev.triage.config.RunConfig;
import dev.triage.config.Scaling;
import dev.triage.diagnose.Remedy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of remedies: every {@link Remedy} code with the one {@link RemedyAction} that carries it
 * out. Adding a remedy means adding its code, its class, its line here and its test. Applying one is a
 * pure function of a configuration: the changed configuration, or empty when the remedy does not apply,
 * is already in place (see also {@link dev.triage.diagnose.InPlace}) or cannot be automated.
 */
public final class Remedies {
    /** Every remedy, each once. */
    static final List<RemedyAction> ALL = List.of(
            new DataRemedies.ScaleFeatures(Remedy.SCALE_FEATURES, Scaling.STANDARD),
            new DataRemedies.ScaleFeatures(Remedy.ROBUST_SCALE_FEATURES, Scaling.ROBUST),
            new DataRemedies.ScaleTarget(),
            new DataRemedies.Impute(),
            new DataRemedies.SentinelAsMissing(),
            new ColumnAndSplitRemedies.DropConstant(),
            new ColumnAndSplitRemedies.DropColumn(Remedy.DROP_LEAKING_FEATURE),
            new ColumnAndSplitRemedies.DropColumn(Remedy.DROP_COLUMN),
            new ColumnAndSplitRemedies.Shuffle(),
            new ColumnAndSplitRemedies.Stratified(),
            new RateRemedies.LowerRate(),
            new RateRemedies.RaiseRate(),
            new RateRemedies.UseAdam(),
            new RateRemedies.CosineSchedule(Remedy.ADD_LR_SCHEDULE),
            new RateRemedies.CosineSchedule(Remedy.FIX_LR_SCHEDULE),
            new TrainingRemedies.ClipGradients(),
            new TrainingRemedies.Float64(),
            new TrainingRemedies.BatchSize(),
            new TrainingRemedies.EarlyStopping(),
            new TrainingRemedies.TrainLonger(),
            new TrainingRemedies.ReweightClasses(),
            new ModelRemedies.LeakyRelu(),
            new ModelRemedies.Initializer(Remedy.USE_HE_INIT, Init.HE_NORMAL),
            new ModelRemedies.Initializer(Remedy.USE_XAVIER_INIT, Init.XAVIER_NORMAL),
            new ModelRemedies.BatchNorm(),
            new ModelRemedies.FixOutputAndLoss(),
            new CapacityRemedies.LessRegularization(),
            new CapacityRemedies.MoreRegularization(),
            new CapacityRemedies.LessDropout(),
            new CapacityRemedies.MoreDropout(),
            new CapacityRemedies.Capacity(Remedy.REDUCE_CAPACITY),
            new CapacityRemedies.Capacity(Remedy.INCREASE_CAPACITY),
            new ByHand(Remedy.CHECK_LABELS, "in the data: check the target column (shuffled, mis-joined or mislabelled rows);"
                    + " no setting fixes labels"),
            new ByHand(Remedy.RESHAPE_TARGET, "in the training code: give prediction and target the same shape before the loss"
                    + " (target.view(-1, 1) or pred.squeeze(1))"));

    private static final Map<Remedy, RemedyAction> BY_CODE = index();

    private Remedies() {
    }

    private static Map<Remedy, RemedyAction> index() {
        Map<Remedy, RemedyAction> out = new EnumMap<>(Remedy.class);
        for (RemedyAction a : ALL) {
            if (out.put(a.remedy(), a) != null) {
                throw new IllegalStateException(a.remedy() + " is registered twice");
            }
        }
        return out;
    }

    /** The action behind a remedy code. */
    public static RemedyAction of(Remedy r) {
        RemedyAction a = BY_CODE.get(r);
        if (a == null) {
            throw new IllegalStateException(r + " has no RemedyAction: register it in Remedies.ALL");
        }
        return a;
    }

    /** The typed change the remedy makes to the context's configuration; empty when it makes none. */
    public static Optional<ConfigChange> change(Remedy r, RemedyContext c) {
        RemedyAction a = of(r);
        if (!a.automatic() || !a.appliesTo(c) || a.inPlace(c)) {
            return Optional.empty();
        }
        ConfigChange change = a.change(c);
        return change.isEmpty() ? Optional.empty() : Optional.of(change);
    }

    /** The context's configuration changed by the remedy (re-validated); empty when it makes no change. */
    public static Optional<RunConfig> apply(Remedy r, RemedyContext c) {
        return change(r, c).map(c.config()::with);
    }

    /** Whether Triage can apply the remedy by itself. */
    public static boolean automatic(Remedy r) {
        return of(r).automatic();
    }

    /** The remedy in words (for the docs, runs trained elsewhere, and remedies carried out by hand). */
    public static String describe(Remedy r) {
        return of(r).describe();
    }

    /** Whether the remedy changes what the validation score measures ({@link RemedyAction#changesTheMeasurement()}). */
    public static boolean changesTheMeasurement(Remedy r) {
        return of(r).changesTheMeasurement();
    }

    /** A remedy only a person can carry out: it says what to do and changes no setting. */
    record ByHand(Remedy remedy, String describe) implements RemedyAction {
        @Override
        public boolean automatic() {
            return false;
        }

        @Override
        public boolean appliesTo(RemedyContext c) {
            return false;
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return false;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            throw new UnsupportedOperationException(remedy + " is carried out by hand: " + describe);
        }
    }
}
