package dev.triage.data;

/** One column of a {@link Table}: numbers ({@link NumericColumn}) or category codes ({@link CategoricalColumn}). */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    String name();

    int size();

    /** True when row {@code i} has no usable value (missing token, NaN or, for numbers, ±Inf). */
    boolean isMissing(int i);

    /** A column holding only the given rows, in the given order. */
    Column select(int[] rows);
}
