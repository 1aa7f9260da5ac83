package dev.triage.calibrate;

import java.nio.file.Path;
import java.util.List;

/**
 * A shared dataset with its natural task and target (see ../shared/datasets/README.md). Large files
 * are subsampled (a fixed random subset, so runs stay short); files with real missing values are
 * trained with imputation, as a user would. Nothing here is read by the rules.
 */
record Dataset(String name, String file, String target, boolean classification, List<String> drop, int maxRows,
               String impute) {

    static final List<Dataset> ALL = List.of(
            new Dataset("wine_red", "wine_quality_red.csv", "quality", false, List.of(), 0, null),
            new Dataset("wine_white", "wine_quality_white.csv", "quality", false, List.of(), 2500, null),
            new Dataset("california", "california_housing.csv", "median_house_value", false, List.of(), 3000, "median"),
            new Dataset("iris", "iris.csv", "species", true, List.of(), 0, null),
            new Dataset("breast_cancer", "breast_cancer_wisconsin.csv", "diagnosis", true, List.of(), 0, null),
            new Dataset("diabetes", "diabetes.csv", "progression", false, List.of(), 0, null),
            new Dataset("digits", "digits_8x8.csv", "digit", true, List.of(), 0, null),
            new Dataset("wine_recognition", "wine_recognition.csv", "cultivar", true, List.of(), 0, null),
            new Dataset("adult", "adult_train.csv", "income", true, List.of(), 3000, "most_frequent"),
            new Dataset("mnist", "mnist_test.csv.gz", "label", true, List.of(), 1500, null),
            new Dataset("fashion_mnist", "fashion_mnist_test.csv.gz", "label", true, List.of(), 1500, null),
            new Dataset("flights", "flights_200k.csv.gz", "delay", false, List.of(), 3000, null),
            new Dataset("auto_mpg", "auto_mpg.csv", "mpg", false, List.of("car_name"), 0, "median"),
            new Dataset("concrete", "concrete_compressive_strength.csv", "compressive_strength_mpa", false, List.of(), 0, null),
            new Dataset("airfoil", "airfoil_self_noise.csv", "scaled_sound_pressure_level_db", false, List.of(), 0, null),
            new Dataset("penguins", "penguins.csv", "species", true, List.of(), 0, "most_frequent"));

    Path source(Path datasetsDir) {
        return datasetsDir.resolve(file);
    }

    String task() {
        return classification ? "classification" : "regression";
    }

    /** The feature columns: every column but the target and the dropped ones. */
    boolean isFeature(String column) {
        return !column.equals(target) && !drop.contains(column);
    }
}
