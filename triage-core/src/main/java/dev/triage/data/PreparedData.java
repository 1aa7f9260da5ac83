package dev.triage.data;

import java.util.List;

/**
 * The data of a run, ready to train on: the table (rows without a target removed), the separate test
 * table when there is one, the resolved target, the feature columns, the split, the fitted
 * preprocessing and the encoded training, validation and test sets; how many rows lacked a target (in
 * both files) and where the first of them are ("wine.csv row 12", counting data rows from 1).
 */
public record PreparedData(Table table, Table testTable, TargetSpec target, List<String> featureColumns, Split split,
                           Preprocessor preprocessor, Encoded train, Encoded validation, Encoded test,
                           int rowsRead, int rowsWithoutTarget, int rowsDroppedIncomplete, List<String> targetMissingAt) {
    /** The places of the first rows without a target that are named in messages. */
    public static final int NAMED_ROWS = 5;

    public PreparedData {
        targetMissingAt = targetMissingAt == null ? List.of() : List.copyOf(targetMissingAt);
    }

    /** Without the places of rows that lack a target. */
    public PreparedData(Table table, Table testTable, TargetSpec target, List<String> featureColumns, Split split,
                        Preprocessor preprocessor, Encoded train, Encoded validation, Encoded test, int rowsRead,
                        int rowsWithoutTarget, int rowsDroppedIncomplete) {
        this(table, testTable, target, featureColumns, split, preprocessor, train, validation, test, rowsRead,
                rowsWithoutTarget, rowsDroppedIncomplete, List.of());
    }

    /** The training rows of the table. */
    public Table trainTable() {
        return table.select(split.train());
    }

    public Table validationTable() {
        return table.select(split.validation());
    }

    /** The test rows: the test file when given, else the test split of the table. */
    public Table testRows() {
        return testTable != null ? testTable : table.select(split.test());
    }
}
