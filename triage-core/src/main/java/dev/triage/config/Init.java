package dev.triage.config;

/** Weight initializers; {@code auto} is He for the ReLU family, Xavier otherwise. */
public enum Init implements ConfigChoice {
    AUTO, HE_NORMAL, HE_UNIFORM, XAVIER_NORMAL, XAVIER_UNIFORM, LECUN_NORMAL, NORMAL, UNIFORM, ZEROS, CONSTANT,
    /** An initializer of another framework, or one not recorded; never valid in run.yaml. */
    OTHER;

    /** Initializers that give every weight of a layer the same value, so its units never differ. */
    public boolean isSymmetric() {
        return this == ZEROS || this == CONSTANT;
    }

    /** Initializers whose scale is the user's {@code init_scale} rather than derived from the fan-in/fan-out. */
    public boolean isFixedScale() {
        return this == NORMAL || this == UNIFORM || this == CONSTANT || this == ZEROS;
    }
}
