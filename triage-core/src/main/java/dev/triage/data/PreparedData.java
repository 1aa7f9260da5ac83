package dev.triage.data;

import java.util.List;

/**
 * The data of a run, ready to train on: the table (rows without a target removed), the separate test
 * table when there is one, the resolved target, the feature columns, the split, the fitted
 * preprocessing and the encoded training, validation and test sets.
 */
public record PreparedData(Table table, Table testTable, TargetSpec target, List<String> featureColumns, Split split,
                           Preprocessor preprocessor, Encoded train, Encoded validation, Encoded test,
                           int rowsRead, int rowsWithoutTarget, int rowsDroppedIncomplete) {

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
