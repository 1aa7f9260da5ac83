package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.TestData;
import dev.triage.config.RunConfig;
import dev.triage.train.Checkpoint;
import dev.triage.train.TaskMetrics;
import dev.triage.train.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end training on real datasets, resume and reproducibility. */
class TrainSessionTest {
    @TempDir
    Path dir;

    private RunConfig config(String dataset, String target, String... sets) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("data.path=" + TestData.dataset(dataset),
                "data.target=" + target, "output.dir=" + dir.resolve("runs"), "doctor.enabled=false"));
        all.addAll(List.of(sets));
        return RunConfig.load(null, all, dir);
    }

    private static SessionResult train(RunConfig c) {
        return TrainSession.train(c, SessionOptions.quiet());
    }

    @Test
    void wineQualityRegressionBeatsTheMeanPredictorByFar() throws Exception {
        SessionResult r = train(config("wine_quality_red.csv", "quality", "training.epochs=40"));
        double rmse = ((TaskMetrics.Regression) r.report().metrics().test()).rmse();
        double meanPredictor = 0.81;
        assertThat(rmse).as("test RMSE; the mean predictor scores about 0.81 on this split").isLessThan(0.7 * meanPredictor + 0.1);
        assertThat(r.report().metrics().epochsRun()).isEqualTo(40);
        Path run = Path.of(r.report().runDir());
        assertThat(run.resolve("run.yaml")).exists();
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(41)
                .first().isEqualTo("epoch,step,learning_rate,train_loss,val_loss,val_rmse");
        assertThat(run.resolve("checkpoints/last.ckpt")).exists();
        assertThat(run.resolve("checkpoints/best.ckpt")).exists();
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("epoch-\\d{3}_val-loss-\\d\\.\\d{4}\\.ckpt"));
        }
        assertThat(TrainedModel.load(run.resolve("model.triage")).preprocessor().width()).isEqualTo(11);
    }

    @Test
    void irisAndBreastCancerAreClassifiedAbove90Percent() throws Exception {
        SessionResult iris = train(config("iris.csv", "species", "data.task=classification", "training.epochs=100", "training.batch_size=16",
                "model.hidden=[16, 8]"));
        assertThat(((TaskMetrics.Classification) iris.report().metrics().test()).accuracy()).isGreaterThan(0.9);
        SessionResult cancer = train(config("breast_cancer_wisconsin.csv", "diagnosis", "training.epochs=60"));
        assertThat(((TaskMetrics.Classification) cancer.report().metrics().test()).accuracy()).isGreaterThan(0.9);
        assertThat(cancer.report().config()).extracting(m -> ((java.util.Map<?, ?>) m.get("model")).get("loss"))
                .isEqualTo("binary_cross_entropy");
    }

    @Test
    void californiaHousingWithItsCategoryAndMissingValuesTrains() throws Exception {
        SessionResult r = train(config("california_housing.csv", "median_house_value", "training.epochs=5",
                "training.batch_size=64", "data.preprocess.impute=median"));
        TaskMetrics.Regression m = (TaskMetrics.Regression) r.report().metrics().test();
        assertThat(r.report().data().features()).isEqualTo(8 + 5);
        assertThat(m.rmse()).isBetween(30_000.0, 90_000.0);
        assertThat(m.r2()).isGreaterThan(0.5);
    }

    @Test
    void theSameSeedGivesTheSameCurveBitForBit() throws Exception {
        RunConfig c = config("wine_quality_red.csv", "quality", "training.epochs=4", "model.dropout=0.2");
        Path a = Path.of(train(c).report().runDir());
        Path b = Path.of(train(c).report().runDir());
        assertThat(a).isNotEqualTo(b);
        assertThat(Files.readAllLines(b.resolve("metrics.csv"))).isEqualTo(Files.readAllLines(a.resolve("metrics.csv")));
    }

    @Test
    void resumingFiveEpochsToTenEqualsTenUninterruptedEpochs() throws Exception {
        String[] sets = {"model.hidden=[{units: 16, batch_norm: true}, 8]", "model.dropout=0.1", "training.schedule=step",
            "training.early_stopping={patience: 50}"};
        RunConfig five = config("wine_quality_red.csv", "quality", concat(sets, "training.epochs=5"));
        RunConfig ten = config("wine_quality_red.csv", "quality", concat(sets, "training.epochs=10"));
        Path straight = Path.of(train(ten).report().runDir());
        Path resumed = Path.of(train(five).report().runDir());
        TrainSession.resume(resumed, 10, SessionOptions.quiet());
        assertThat(Files.readAllLines(resumed.resolve("metrics.csv"))).isEqualTo(Files.readAllLines(straight.resolve("metrics.csv")));
        assertThat(Checkpoint.load(resumed.resolve("checkpoints/last.ckpt")).model().parameters())
                .isEqualTo(Checkpoint.load(straight.resolve("checkpoints/last.ckpt")).model().parameters());
        assertThat(TrainedModel.load(resumed.resolve("model.triage")).parameters())
                .isEqualTo(TrainedModel.load(straight.resolve("model.triage")).parameters());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
