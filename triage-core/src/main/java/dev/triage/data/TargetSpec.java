package dev.triage.data;

import dev.triage.config.DataConfig;
import dev.triage.config.InvalidInputException;
import dev.triage.config.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The resolved learning task: regression, or classification with its class labels (as text, in a
 * stable order). Also says whether a regression target looks like class codes (few integer values).
 */
public record TargetSpec(String column, Task task, List<String> classes, int distinctValues, boolean integerValued) {
    /** An integer target with at most this many distinct values looks like classes (an info finding). */
    public static final int FEW_INTEGER_VALUES = 20;

    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    public int classCount() {
        return classes.size();
    }

    /** True when a regression target has few distinct integer values (it may really be classes). */
    public boolean looksLikeClasses() {
        return task == Task.REGRESSION && integerValued && distinctValues <= FEW_INTEGER_VALUES;
    }

    /** Resolves {@code data.task: auto}, the class list, and rejects targets nothing can be learned from. */
    public static TargetSpec resolve(Column target, DataConfig cfg, String source) {
        List<String> distinct = distinctLabels(target);
        if (distinct.isEmpty()) {
            throw new InvalidInputException(source + ": target column '" + Text.printable(target.name())
                    + "' has no values; choose another data.target");
        }
        if (distinct.size() == 1) {
            throw new InvalidInputException(source + ": target column '" + Text.printable(target.name())
                    + "' has a single value (" + Text.printable(distinct.get(0)) + "); there is nothing to learn, choose another data.target");
        }
        boolean numeric = target instanceof NumericColumn;
        boolean integers = numeric && allIntegers((NumericColumn) target);
        Task task = cfg.task();
        if (task == Task.AUTO) {
            task = !numeric || distinct.size() == 2 || cfg.classes() != null ? Task.CLASSIFICATION : Task.REGRESSION;
        }
        if (task == Task.REGRESSION && !numeric) {
            throw new InvalidInputException(source + ": target column '" + Text.printable(target.name())
                    + "' holds text (e.g. '" + Text.printable(distinct.get(0)) + "'); set data.task: classification or choose a numeric target");
        }
        List<String> classes = task == Task.CLASSIFICATION ? classList(cfg, distinct, source, target.name()) : List.of();
        return new TargetSpec(target.name(), task, classes, distinct.size(), integers);
    }

    private static List<String> classList(DataConfig cfg, List<String> distinct, String source, String name) {
        if (cfg.classes() == null) {
            return distinct;
        }
        for (String value : distinct) {
            if (!cfg.classes().contains(value)) {
                throw new InvalidInputException(source + ": target '" + Text.printable(name) + "' has the value '"
                        + Text.printable(value) + "', which data.classes " + cfg.classes() + " does not list; add it or fix the data");
            }
        }
        return List.copyOf(cfg.classes());
    }

    /** Distinct non-missing target values as text: numbers in numeric order, text in lexicographic order. */
    static List<String> distinctLabels(Column target) {
        List<String> out = new ArrayList<>();
        if (target instanceof NumericColumn n) {
            TreeSet<Double> values = new TreeSet<>();
            for (double v : n.values()) {
                if (Double.isFinite(v)) {
                    values.add(v);
                }
            }
            values.forEach(v -> out.add(TextColumns.render(v)));
        } else {
            CategoricalColumn c = (CategoricalColumn) target;
            TreeSet<String> values = new TreeSet<>();
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    values.add(c.valueAt(i));
                }
            }
            out.addAll(values);
        }
        return out;
    }

    private static boolean allIntegers(NumericColumn c) {
        for (double v : c.values()) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /** The class index of each row (-1 for a missing target), for classification. */
    public int[] labels(Column target) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int[] out = new int[target.size()];
        for (int r = 0; r < out.length; r++) {
            String v = labelOf(target, r);
            Integer c = v == null ? null : index.get(v);
            out[r] = c == null ? -1 : c;
        }
        return out;
    }

    /** The target of row r as class text, or null when missing. */
    static String labelOf(Column target, int r) {
        if (target instanceof NumericColumn n) {
            double v = n.values()[r];
            return Double.isFinite(v) ? TextColumns.render(v) : null;
        }
        return ((CategoricalColumn) target).valueAt(r);
    }
}
