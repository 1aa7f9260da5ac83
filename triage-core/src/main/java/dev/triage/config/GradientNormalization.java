package dev.triage.config;

/** Gradient normalization modes (DL4J's five, plus none and global-norm clipping). */
public enum GradientNormalization implements ConfigChoice {
    NONE, CLIP_ELEMENT_WISE_ABSOLUTE_VALUE, CLIP_L2_PER_LAYER, CLIP_L2_PER_PARAM_TYPE, RENORMALIZE_L2_PER_LAYER, RENORMALIZE_L2_PER_PARAM_TYPE, CLIP_GLOBAL_NORM;
}
