package dev.triage.cli;

import dev.triage.config.InvalidInputException;
import dev.triage.config.DType;
import dev.triage.config.RunConfig;
import dev.triage.nn.KernelWarmup;
import dev.triage.report.Terminal;
import dev.triage.session.SessionOptions;
import dev.triage.session.SessionResult;
import dev.triage.session.TrainSession;
import dev.triage.train.Interruption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triage train}. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a network as run.yaml (or the flags) say, watches it, and reports what is wrong.",
            "Exit codes: 0 no error finding, 1 error findings remain, 2 bad input, 3 repair failed, 4 internal error."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--task", paramLabel = "TASK", description = "auto | regression | classification (data.task).")
    String task;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (training.epochs); with --resume, the total to reach.")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (training.learning_rate).")
    Double lr;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of weights, shuffles and dropout; sets training.seed.")
    Long seed;

    @Option(names = "--repair", description = "Apply remedies and retrain while error findings remain.")
    boolean repair;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here (- for standard output).")
    Path json;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue a run from its last checkpoint (with --epochs).")
    Path resume;

    @Option(names = "--no-early-stopping", description = "With --resume: continue a run that stopped early, without early stopping.")
    boolean noEarlyStopping;

    @Option(names = {"-q", "--quiet"}, description = "Print only findings and the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "A line for every epoch instead of a progress bar.")
    boolean verbose;

    @Override
    public Integer call() {
        Terminal.Progress progress = quiet ? Terminal.Progress.NONE
                : verbose ? Terminal.Progress.EVERY_EPOCH : Terminal.Progress.NORMAL;
        SessionOptions options = Outputs.options(json, progress, repair);
        CtrlC.install(options.interruption(), System.err);
        SessionResult result;
        if (resume != null) {
            refuseWithResume();
            KernelWarmup.start(DType.FLOAT32); // compiles the kernels while the run's data is read
            result = TrainSession.resume(resume, epochs, noEarlyStopping, options);
        } else {
            if (noEarlyStopping) {
                throw new InvalidInputException("--no-early-stopping applies only with --resume; for a new run use"
                        + " --set training.early_stopping=null");
            }
            RunConfig cfg = config.load(overrides());
            KernelWarmup.start(cfg.training().dtype()); // compiles the kernels while the data is read
            result = TrainSession.train(repair ? cfg.with("doctor.repair", true) : cfg, options);
        }
        return result.exitCode();
    }

    /**
     * A resume continues a run exactly as it was configured: flags that would change it are refused, each
     * with the reason, rather than ignored.
     */
    private void refuseWithResume() {
        if (epochs == null) {
            throw new InvalidInputException("--resume needs --epochs N (the total number of epochs to reach)");
        }
        String fresh = "; to train with another setting, start a new run: triage train --config " + resume + "/run.yaml ";
        refuse(lr != null, "--lr", "the learning rate (and its schedule) is part of the state a resume continues",
                fresh + "--lr " + lr);
        refuse(seed != null, "--seed", "the seed fixed the initial weights, the split and every shuffle of the run",
                fresh + "--seed " + seed);
        refuse(task != null, "--task", "the task fixed the network's output layer and loss", fresh + "--task " + task);
        refuse(repair, "--repair", "the repair loop retrains from the start", fresh + "--repair");
        refuse(config.config != null || config.data != null || config.target != null || !config.sets.isEmpty(),
                "--config/--data/--target/--set", "a resume continues with the run's own configuration and data"
                        + " (run.yaml in the run folder)", fresh.substring(0, fresh.length() - 1));
    }

    private static void refuse(boolean given, String flag, String reason, String hint) {
        if (given) {
            throw new InvalidInputException(flag + " cannot apply to --resume: " + reason + hint);
        }
    }

    /** The flags that stand for configuration keys, applied after --data/--target and before --set. */
    private List<String> overrides() {
        List<String> all = new ArrayList<>();
        if (task != null) {
            all.add("data.task=" + task);
        }
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (lr != null) {
            all.add("training.learning_rate=" + lr);
        }
        if (seed != null) {
            all.add("training.seed=" + seed);
        }
        return all;
    }
}
