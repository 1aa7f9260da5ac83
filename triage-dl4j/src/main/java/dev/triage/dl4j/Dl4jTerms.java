package dev.triage.dl4j;

import dev.triage.config.GradientNormalization;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** DL4J's configuration terms in the terms Triage's rules judge: activations, losses, gradient normalization, dropout. */
final class Dl4jTerms {
    private Dl4jTerms() {
    }

    /** "ActivationReLU" → "relu", "ActivationLReLU" → "lrelu", "ActivationTanH" → "tanh". */
    static String activationName(IActivation a) {
        if (a == null) {
            return "identity";
        }
        String n = a.getClass().getSimpleName();
        return (n.startsWith("Activation") ? n.substring("Activation".length()) : n).toLowerCase(Locale.ROOT);
    }

    /** DL4J's own name of a loss: the {@link LossFunctions.LossFunction} constant whose class it is ("MSE", "MCXENT", "XENT"). */
    static String lossName(ILossFunction fn) {
        if (fn == null) {
            return null;
        }
        for (LossFunctions.LossFunction f : LossFunctions.LossFunction.values()) {
            try {
                if (f.getILossFunction().getClass() == fn.getClass()) {
                    return f.name();
                }
            } catch (RuntimeException e) {
                // a constant without an implementation
            }
        }
        String n = fn.getClass().getSimpleName();
        return n.startsWith("Loss") ? n.substring(4) : n;
    }

    static GradientNormalization gradientNormalization(org.deeplearning4j.nn.conf.GradientNormalization g) {
        if (g == null) {
            return GradientNormalization.NONE;
        }
        return switch (g) {
            case None -> GradientNormalization.NONE;
            case RenormalizeL2PerLayer -> GradientNormalization.RENORMALIZE_L2_PER_LAYER;
            case RenormalizeL2PerParamType -> GradientNormalization.RENORMALIZE_L2_PER_PARAM_TYPE;
            case ClipElementWiseAbsoluteValue -> GradientNormalization.CLIP_ELEMENT_WISE_ABSOLUTE_VALUE;
            case ClipL2PerLayer -> GradientNormalization.CLIP_L2_PER_LAYER;
            case ClipL2PerParamType -> GradientNormalization.CLIP_L2_PER_PARAM_TYPE;
        };
    }

    /**
     * DL4J's dropout argument is the probability of keeping an input: the drop probability is 1 - that.
     * A dropout whose rate means something else is noted in {@code notes} and counted as none.
     */
    static double dropProbability(IDropout d, String layer, List<String> notes) {
        if (d == null) {
            return 0;
        }
        double retain;
        if (d instanceof Dropout x) {
            retain = x.getPSchedule() != null ? x.getPSchedule().valueAt(0, 0) : x.getP();
        } else if (d instanceof AlphaDropout x) {
            retain = x.getPSchedule() != null ? x.getPSchedule().valueAt(0, 0) : x.getP();
        } else if (d instanceof SpatialDropout x) {
            retain = x.getPSchedule() != null ? x.getPSchedule().valueAt(0, 0) : x.getP();
        } else {
            notes.add("layer '" + layer + "' uses " + d.getClass().getSimpleName() + ", whose rate is not a retain probability:"
                    + " the dropout check does not judge it");
            return 0;
        }
        return retain > 0 && retain < 1 ? 1 - retain : 0;
    }
}
