package dev.triage.probe;

import dev.triage.data.CategoricalColumn;
import dev.triage.data.Column;
import dev.triage.data.NumericColumn;
import dev.triage.data.PreparedData;
import dev.triage.data.Table;
import dev.triage.probe.log.ColumnProfile;
import dev.triage.probe.log.ColumnShift;
import dev.triage.probe.log.DataSignals;
import dev.triage.probe.log.FeatureAssociation;
import dev.triage.probe.log.SplitClasses;
import dev.triage.probe.log.UnseenCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Measures the data of a run before training: what the data rules judge and {@code triage check} prints. */
public final class DataProfiler {
    /** Shift is only measured with at least this many test rows. */
    static final int MIN_SHIFT_ROWS = 10;
    /** Single-feature rules are scored on the validation rows when there are this many. */
    static final int MIN_SCORED_ROWS = 10;

    private DataProfiler() {
    }

    public static DataSignals profile(PreparedData d) {
        Table t = d.table();
        Table test = d.testTable();
        int[] train = d.split().train();
        List<ColumnProfile> columns = new ArrayList<>();
        for (String name : d.featureColumns()) {
            columns.add(ColumnProfiler.profile(name, false, parts(t, test, name), train));
        }
        String target = d.target().column();
        columns.add(ColumnProfiler.profile(target, true, parts(t, test, target), train));
        List<Column> features = d.featureColumns().stream().map(t::column).toList();
        return new DataSignals(t.source(), t.rows() + (test == null ? 0 : test.rows()), train.length,
                d.split().validation().length, d.testRows().rows(), test != null, columns, classes(d),
                RowHashes.duplicates(features, t.column(target), t.rows()), unseen(d), associations(d), shifts(d),
                d.rowsWithoutTarget(), d.rowsDroppedIncomplete(), d.targetMissingAt());
    }

    private static Column[] parts(Table t, Table test, String name) {
        return test == null ? new Column[] {t.column(name)} : new Column[] {t.column(name), test.column(name)};
    }

    private static SplitClasses classes(PreparedData d) {
        if (!d.target().isClassification()) {
            return null;
        }
        int k = d.target().classCount();
        return new SplitClasses(d.target().classes(), counts(d.train().labels(), k), counts(d.validation().labels(), k),
                counts(d.test().labels(), k));
    }

    private static long[] counts(int[] labels, int k) {
        long[] out = new long[k];
        if (labels != null) {
            for (int l : labels) {
                if (l >= 0) {
                    out[l]++;
                }
            }
        }
        return out;
    }

    private static List<UnseenCategory> unseen(PreparedData d) {
        List<UnseenCategory> out = new ArrayList<>();
        for (String name : d.featureColumns()) {
            if (!(d.table().column(name) instanceof CategoricalColumn)) {
                continue;
            }
            Set<String> seen = levels((CategoricalColumn) d.trainTable().column(name));
            note(out, name, "validation", (CategoricalColumn) d.validationTable().column(name), seen);
            note(out, name, "test", (CategoricalColumn) d.testRows().column(name), seen);
        }
        return out;
    }

    private static void note(List<UnseenCategory> out, String name, String split, CategoricalColumn c, Set<String> seen) {
        Set<String> values = new HashSet<>();
        long rows = 0;
        String example = null;
        for (int i = 0; i < c.size(); i++) {
            String v = c.valueAt(i);
            if (v != null && !seen.contains(v)) {
                rows++;
                values.add(v);
                example = example == null ? v : example;
            }
        }
        if (rows > 0) {
            out.add(new UnseenCategory(name, split, rows, values.size(), example));
        }
    }

    private static Set<String> levels(CategoricalColumn c) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                s.add(c.valueAt(i));
            }
        }
        return s;
    }

    private static List<FeatureAssociation> associations(PreparedData d) {
        List<FeatureAssociation> out = new ArrayList<>();
        Column target = d.table().column(d.target().column());
        int[] train = d.split().train();
        int[] fit = train;
        int[] scored = d.split().validation();
        if (scored.length < MIN_SCORED_ROWS) {
            // too few validation rows: fit on every other training row and score on the rest
            fit = java.util.stream.IntStream.range(0, train.length).filter(i -> i % 2 == 0).map(i -> train[i]).toArray();
            scored = java.util.stream.IntStream.range(0, train.length).filter(i -> i % 2 == 1).map(i -> train[i]).toArray();
        }
        int[] labels = d.target().isClassification() ? d.target().labels(target) : null;
        for (String name : d.featureColumns()) {
            Column f = d.table().column(name);
            out.add(labels != null ? Associations.classification(name, f, labels, d.target().classCount(), fit, scored)
                    : Associations.regression(name, f, ((NumericColumn) target).values(), train, fit, scored));
        }
        return out;
    }

    private static List<ColumnShift> shifts(PreparedData d) {
        Table test = d.testRows();
        if (test.rows() < MIN_SHIFT_ROWS) {
            return List.of();
        }
        List<ColumnShift> out = new ArrayList<>();
        for (String name : d.featureColumns()) {
            if (d.table().column(name) instanceof NumericColumn c) {
                double[] tr = Shift.values(c, d.split().train());
                out.add(Shift.of(name, tr, ((NumericColumn) test.column(name)).values()));
            }
        }
        return out;
    }
}
