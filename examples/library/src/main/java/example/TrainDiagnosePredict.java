package example;

import dev.triage.Triage;
import dev.triage.TriageModel;
import dev.triage.TriageResult;
import dev.triage.diagnose.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains on a CSV file with the doctor watching, diagnoses the run folder again as a run recorded
 * elsewhere would be, and predicts with the saved model. Arguments: the CSV file, its target column,
 * and a folder for the runs.
 */
public final class TrainDiagnosePredict {
    public static void main(String[] args) {
        Path csv = Path.of(args[0]);
        Path runs = Path.of(args[2]);
        TriageResult trained = Triage.train(csv, args[1]).epochs(30).outputDir(runs).train();
        for (Finding f : trained.findings()) {
            System.out.println("trained: " + f.severity() + " " + f.code());
        }
        Path runDir = trained.runDir().orElseThrow();
        TriageResult diagnosed = Triage.diagnose(runDir, null, null, runs.resolve("diagnosis"));
        System.out.println("diagnosed again: " + diagnosed.findings().size() + " findings (live: " + trained.findings().size() + ")");

        TriageModel model = trained.model().orElseThrow();
        List<String> columns = model.columns();
        double[][] row = {new double[columns.size()]};
        System.out.println("prediction at all-zero features: " + model.predict(row, columns)[0]);
        if (diagnosed.findings().size() != trained.findings().size()) {
            System.exit(1);
        }
    }
}
