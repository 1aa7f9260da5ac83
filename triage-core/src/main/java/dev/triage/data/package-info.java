/**
 * Data: reading CSV files into columns, splitting rows into training/validation/test sets, profiling
 * columns, and the preprocessing (imputation, scaling, encoding) that is fitted on the training split
 * and stored with the model.
 *
 * <p>Layer 1: may use {@code dev.triage.config} only.
 */
package dev.triage.data;
