package dev.triage.config;

/** How non-numeric feature columns become numbers. */
public enum CategoricalEncoding implements ConfigChoice {
    ONEHOT, ORDINAL, DROP;
}
