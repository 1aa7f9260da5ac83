package dev.triage.cli;

import dev.triage.session.PredictSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triage predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Applies a trained model (model.triage or a checkpoint) to a CSV file.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model.triage or a .ckpt file.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "Rows to predict (the training columns; the target may be absent).")
    Path data;

    @Option(names = "--out", paramLabel = "CSV", description = "Where to write the rows with predictions (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        int rows = PredictSession.predict(model, data, out, System.out, System.err);
        if (out != null && !dev.triage.report.OutputFile.isStdout(out)) {
            System.err.println("wrote " + rows + " predictions to " + out);
        }
        return ExitCodes.OK;
    }
}
