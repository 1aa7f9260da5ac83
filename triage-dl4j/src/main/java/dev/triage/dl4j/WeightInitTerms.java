package dev.triage.dl4j;

import dev.triage.config.Init;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.nn.weights.WeightInitLecunUniform;
import org.deeplearning4j.nn.weights.WeightInitNormal;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.nn.weights.WeightInitReluUniform;
import org.deeplearning4j.nn.weights.WeightInitUniform;
import org.deeplearning4j.nn.weights.WeightInitVarScalingNormalFanIn;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J weight initializer as Triage names it, and the scale it drew with. */
final class WeightInitTerms {
    private WeightInitTerms() {
    }

    /**
     * The initializer as Triage names it. Constant and distribution initializers carry no readable scale
     * in DL4J, so the weights as initialized are measured: all equal is a constant (zeros when 0).
     */
    static Init init(IWeightInit w, INDArray weights) {
        Init named = namedInit(w);
        if (named != null) {
            return named;
        }
        if (w instanceof WeightInitConstant || w instanceof WeightInitDistribution) {
            if (weights == null || weights.length() == 0) {
                return Init.OTHER;
            }
            double std = weights.stdNumber().doubleValue();
            if (std == 0) {
                return weights.meanNumber().doubleValue() == 0 ? Init.ZEROS : Init.CONSTANT;
            }
            return Init.NORMAL;
        }
        return Init.OTHER;
    }

    /** The scale a fixed-scale initializer drew with: DL4J's NORMAL and UNIFORM use 1/sqrt(fan-in); others as measured. */
    static double initScale(IWeightInit w, INDArray weights, int fanIn) {
        if (w instanceof WeightInitNormal || w instanceof WeightInitUniform) {
            return 1 / Math.sqrt(Math.max(1, fanIn));
        }
        if ((w instanceof WeightInitConstant || w instanceof WeightInitDistribution) && weights != null && weights.length() > 0) {
            double std = weights.stdNumber().doubleValue();
            return std == 0 ? weights.meanNumber().doubleValue() : std;
        }
        return 1;
    }

    /** The initializers whose class alone names them; null for the others. */
    private static Init namedInit(IWeightInit w) {
        if (w instanceof WeightInitXavierUniform) {
            return Init.XAVIER_UNIFORM;
        }
        if (w instanceof WeightInitXavier) {
            return Init.XAVIER_NORMAL;
        }
        if (w instanceof WeightInitRelu) {
            return Init.HE_NORMAL;
        }
        if (w instanceof WeightInitReluUniform) {
            return Init.HE_UNIFORM;
        }
        if (w instanceof WeightInitLecunUniform || w instanceof WeightInitVarScalingNormalFanIn) {
            return Init.LECUN_NORMAL;
        }
        if (w instanceof WeightInitNormal) {
            return Init.NORMAL;
        }
        if (w instanceof WeightInitUniform) {
            return Init.UNIFORM;
        }
        return null;
    }
}
