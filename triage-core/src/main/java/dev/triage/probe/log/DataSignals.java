package dev.triage.probe.log;

import java.util.List;

/**
 * What is known about the data before training: sizes, column profiles, the class make-up of each
 * split, duplicates, unseen categories, single-feature associations, train/test shift, and rows
 * dropped because the target was missing. {@code classes} is null for regression; {@code shifts}
 * compares the training split with the test rows. {@code targetMissingAt} names where the first rows
 * without a target are ("data.csv line 7"), at most a few.
 */
public record DataSignals(String source, long rows, int trainRows, int validationRows, int testRows, boolean separateTestFile,
                          List<ColumnProfile> columns, SplitClasses classes, DuplicateRows duplicates,
                          List<UnseenCategory> unseen, List<FeatureAssociation> associations, List<ColumnShift> shifts,
                          long rowsWithoutTarget, long rowsDropped, List<String> targetMissingAt) {
    public DataSignals {
        columns = List.copyOf(columns);
        unseen = List.copyOf(unseen);
        associations = List.copyOf(associations);
        shifts = List.copyOf(shifts);
        targetMissingAt = targetMissingAt == null ? List.of() : List.copyOf(targetMissingAt);
    }

    /** Without the places of rows that lack a target. */
    public DataSignals(String source, long rows, int trainRows, int validationRows, int testRows, boolean separateTestFile,
                       List<ColumnProfile> columns, SplitClasses classes, DuplicateRows duplicates,
                       List<UnseenCategory> unseen, List<FeatureAssociation> associations, List<ColumnShift> shifts,
                       long rowsWithoutTarget, long rowsDropped) {
        this(source, rows, trainRows, validationRows, testRows, separateTestFile, columns, classes, duplicates, unseen,
                associations, shifts, rowsWithoutTarget, rowsDropped, List.of());
    }

    public List<ColumnProfile> features() {
        return columns.stream().filter(c -> !c.target()).toList();
    }

    public ColumnProfile target() {
        return columns.stream().filter(ColumnProfile::target).findFirst().orElse(null);
    }
}
