package dev.triage.repair;

import static dev.triage.config.ConfigKeys.DROP_COLUMNS;
import static dev.triage.config.ConfigKeys.SHUFFLE;
import static dev.triage.config.ConfigKeys.STRATIFY;

import dev.triage.config.ConfigChange;
import dev.triage.config.Stratify;
import dev.triage.diagnose.Remedy;
import dev.triage.diagnose.Subject;
import dev.triage.probe.log.ColumnProfile;
import java.util.ArrayList;
import java.util.List;

/** Remedies that change which columns the model sees and how the rows are split. */
final class ColumnAndSplitRemedies {
    private ColumnAndSplitRemedies() {
    }

    /** DROP_CONSTANT_FEATURES: the features constant in the training split (from the run log) added to the dropped ones. */
    record DropConstant() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.DROP_CONSTANT_FEATURES;
        }

        @Override
        public String describe() {
            return "drop the features that are constant in the training split";
        }

        @Override
        public boolean appliesTo(RemedyContext c) {
            return c.log() != null && c.log().data() != null;
        }

        /** Nothing new to drop, or nothing would be left to learn from. */
        @Override
        public boolean inPlace(RemedyContext c) {
            List<String> drop = dropped(c);
            return drop.size() == c.config().data().dropColumns().size()
                    || c.log().data().features().stream().allMatch(f -> drop.contains(f.name()));
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(DROP_COLUMNS, dropped(c));
        }

        private static List<String> dropped(RemedyContext c) {
            List<String> drop = new ArrayList<>(c.config().data().dropColumns());
            c.log().data().features().stream().filter(ColumnProfile::constantInTrain).map(ColumnProfile::name)
                    .filter(n -> !drop.contains(n)).forEach(drop::add);
            return drop;
        }
    }

    /**
     * DROP_LEAKING_FEATURE and DROP_COLUMN: the feature column the finding is about (its subject) added to the
     * dropped ones — never the last feature, which would leave nothing to learn from. A finding about
     * anything else (the target, a layer, a place only described) names no column to drop.
     */
    record DropColumn(Remedy remedy) implements RemedyAction {
        @Override
        public String describe() {
            return remedy == Remedy.DROP_LEAKING_FEATURE ? "drop the column that gives the target away"
                    : "drop the column (an identifier or free text carries no pattern to learn)";
        }

        @Override
        public boolean appliesTo(RemedyContext c) {
            return c.finding().subject() instanceof Subject.Column;
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            String column = column(c);
            List<String> drop = c.config().data().dropColumns();
            boolean last = c.log() != null && c.log().data() != null && c.log().data().features().stream()
                    .noneMatch(f -> !f.name().equals(column) && !drop.contains(f.name()));
            return drop.contains(column) || last;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            List<String> drop = new ArrayList<>(c.config().data().dropColumns());
            drop.add(column(c));
            return ConfigChange.of(DROP_COLUMNS, drop);
        }

        @Override
        public boolean changesTheMeasurement() {
            return true;
        }

        private static String column(RemedyContext c) {
            return ((Subject.Column) c.finding().subject()).name();
        }
    }

    /** SHUFFLE_SPLIT: shuffle the rows before splitting them. */
    record Shuffle() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.SHUFFLE_SPLIT;
        }

        @Override
        public String describe() {
            return "shuffle the rows before splitting them";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().data().split().shuffle();
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(SHUFFLE, true);
        }

        @Override
        public boolean changesTheMeasurement() {
            return true;
        }
    }

    /** STRATIFY_SPLIT: shuffle and keep the class proportions in every split. */
    record Stratified() implements RemedyAction {
        @Override
        public Remedy remedy() {
            return Remedy.STRATIFY_SPLIT;
        }

        @Override
        public String describe() {
            return "shuffle and stratify the split by class";
        }

        @Override
        public boolean inPlace(RemedyContext c) {
            return c.config().data().split().shuffle() && c.config().data().split().stratify() == Stratify.TRUE;
        }

        @Override
        public ConfigChange change(RemedyContext c) {
            return ConfigChange.of(SHUFFLE, true).and(STRATIFY, Stratify.TRUE);
        }

        @Override
        public boolean changesTheMeasurement() {
            return true;
        }
    }
}
