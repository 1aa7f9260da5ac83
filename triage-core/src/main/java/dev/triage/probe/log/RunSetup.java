package dev.triage.probe.log;

import dev.triage.config.Activation;
import dev.triage.config.DType;
import dev.triage.config.GradientNormalization;
import dev.triage.config.Imputation;
import dev.triage.config.Loss;
import dev.triage.config.Optimizer;
import dev.triage.config.Scaling;
import dev.triage.config.ScheduleConfig;
import dev.triage.config.TargetScaling;
import dev.triage.config.Task;
import java.util.List;

/**
 * The facts of a run's configuration that rules judge: task, layers, loss, optimizer and its rate,
 * regularization, batch size against training rows, preprocessing, and the memory estimate against
 * the heap. {@code classes} is 0 for regression. {@code schedule} is the learning-rate schedule (null
 * when unknown); {@code classWeighted} whether the loss weights classes.
 */
public record RunSetup(Task task, int classes, List<LayerFacts> layers, Loss loss, Optimizer optimizer, double learningRate,
                       double momentum, int batchSize, int epochs, int trainRows, int validationRows, double l1, double l2,
                       double weightDecay, GradientNormalization gradientNormalization, boolean earlyStopping,
                       boolean restoreBest, Scaling scale, TargetScaling scaleTarget, Imputation impute, boolean shuffled,
                       boolean stratified, long parameters, long estimatedBytes, long maxHeapBytes, DType dtype,
                       ScheduleConfig schedule, boolean classWeighted) {
    public RunSetup {
        layers = List.copyOf(layers);
    }

    /** Without schedule and class weights (a constant rate, unweighted loss). */
    public RunSetup(Task task, int classes, List<LayerFacts> layers, Loss loss, Optimizer optimizer, double learningRate,
                    double momentum, int batchSize, int epochs, int trainRows, int validationRows, double l1, double l2,
                    double weightDecay, GradientNormalization gradientNormalization, boolean earlyStopping,
                    boolean restoreBest, Scaling scale, TargetScaling scaleTarget, Imputation impute, boolean shuffled,
                    boolean stratified, long parameters, long estimatedBytes, long maxHeapBytes, DType dtype) {
        this(task, classes, layers, loss, optimizer, learningRate, momentum, batchSize, epochs, trainRows, validationRows, l1,
                l2, weightDecay, gradientNormalization, earlyStopping, restoreBest, scale, scaleTarget, impute, shuffled,
                stratified, parameters, estimatedBytes, maxHeapBytes, dtype, null, false);
    }

    public LayerFacts output() {
        return layers.get(layers.size() - 1);
    }

    public Activation outputActivation() {
        return output().activation();
    }

    public List<LayerFacts> hidden() {
        return layers.subList(0, layers.size() - 1);
    }

    /** Optimizer steps per epoch (1 for full-batch L-BFGS). */
    public int stepsPerEpoch() {
        if (optimizer == Optimizer.LBFGS) {
            return 1;
        }
        int b = Math.max(1, Math.min(batchSize, trainRows));
        return (trainRows + b - 1) / b;
    }
}
