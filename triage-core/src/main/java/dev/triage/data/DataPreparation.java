package dev.triage.data;

import dev.triage.config.DataConfig;
import dev.triage.config.Imputation;
import dev.triage.config.InvalidInputException;
import dev.triage.config.Stratify;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads, checks, splits and encodes the data of a run as its configuration says. */
public final class DataPreparation {
    private DataPreparation() {
    }

    public static PreparedData prepare(DataConfig cfg) {
        long heap = Runtime.getRuntime().maxMemory();
        DataSize.requireFits(cfg.path(), cfg.separator(), heap);
        if (cfg.testPath() != null) {
            DataSize.requireFits(cfg.testPath(), cfg.separator(), heap);
        }
        Table table = TableReader.read(cfg.path(), cfg.separator(), cfg.missing());
        Table test = cfg.testPath() == null ? null : TableReader.read(cfg.testPath(), cfg.separator(), cfg.missing());
        return prepare(cfg, table, test);
    }

    public static PreparedData prepare(DataConfig cfg, Table raw, Table rawTest) {
        raw.column(cfg.target());
        for (String d : cfg.dropColumns()) {
            if (!raw.has(d)) {
                throw new InvalidInputException(raw.source() + ": data.drop_columns names '" + Text.printable(d)
                        + "', which is not a column" + dev.triage.config.Suggest.hint(d, raw.names()));
            }
        }
        if (rawTest != null) {
            sameColumns(raw, rawTest);
        }
        List<String> features = featureColumns(raw, cfg);
        TargetSpec target = TargetSpec.resolve(raw.column(cfg.target()), cfg, raw.source());
        Table table = withTarget(raw, cfg.target());
        Table test = rawTest == null ? null : withTarget(rawTest, cfg.target());
        int noTarget = raw.rows() - table.rows() + (rawTest == null ? 0 : rawTest.rows() - test.rows());
        List<String> missingAt = new ArrayList<>(withoutTarget(raw, cfg.target()));
        if (rawTest != null) {
            missingAt.addAll(withoutTarget(rawTest, cfg.target()));
        }
        int beforeDrop = table.rows();
        if (cfg.preprocess().impute() == Imputation.DROP_ROWS) {
            table = complete(table, features);
            test = test == null ? null : complete(test, features);
        }
        if (table.rows() < 3) {
            throw new InvalidInputException(raw.source() + ": only " + table.rows()
                    + " usable rows (with a target" + (noTarget > 0 ? ", " + noTarget + " rows lack one" : "")
                    + "); at least 3 are needed to train and validate");
        }
        int[] labels = target.isClassification() ? target.labels(table.column(cfg.target())) : null;
        boolean stratify = cfg.split().stratify() == Stratify.TRUE
                || (cfg.split().stratify() == Stratify.AUTO && target.isClassification());
        Split split = Splitter.split(table.rows(), stratify ? labels : null, cfg.split(), test == null);
        Preprocessor pre = PreprocessorFitter.fit(table, split.train(), features, target, cfg.preprocess());
        Encoded train = pre.transform(table.select(split.train()), true);
        Encoded val = pre.transform(table.select(split.validation()), true);
        Encoded tst = pre.transform(test != null ? test : table.select(split.test()), true);
        return new PreparedData(table, test, target, features, split, pre, train, val, tst, raw.rows(), noTarget,
                beforeDrop - table.rows(), missingAt.subList(0, Math.min(PreparedData.NAMED_ROWS, missingAt.size())));
    }

    private static List<String> featureColumns(Table t, DataConfig cfg) {
        List<String> out = new ArrayList<>();
        for (String name : t.names()) {
            if (!name.equals(cfg.target()) && !cfg.dropColumns().contains(name)) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(t.source() + ": no feature columns left besides the target '"
                    + Text.printable(cfg.target()) + "'; the file needs at least one input column");
        }
        boolean anyNumericOrEncoded = out.stream().anyMatch(n -> t.column(n) instanceof NumericColumn)
                || cfg.preprocess().categorical() != dev.triage.config.CategoricalEncoding.DROP;
        if (!anyNumericOrEncoded) {
            throw new InvalidInputException(t.source() + ": no numeric feature column, and data.preprocess.categorical is"
                    + " drop; use categorical: onehot or add numeric columns");
        }
        return out;
    }

    private static void sameColumns(Table train, Table test) {
        Set<String> missing = new LinkedHashSet<>(train.names());
        missing.removeAll(test.names());
        Set<String> extra = new LinkedHashSet<>(test.names());
        extra.removeAll(train.names());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new InvalidInputException(test.source() + ": columns differ from " + train.source()
                    + (missing.isEmpty() ? "" : "; missing: " + names(missing))
                    + (extra.isEmpty() ? "" : "; extra: " + names(extra)) + "; the test file needs the same columns");
        }
    }

    private static String names(Set<String> s) {
        List<String> shown = new ArrayList<>();
        s.stream().limit(8).forEach(n -> shown.add(Text.printable(n)));
        return String.join(", ", shown) + (s.size() > 8 ? " and " + (s.size() - 8) + " more" : "");
    }

    /** The rows whose target is present. */
    private static Table withTarget(Table t, String target) {
        Column c = t.column(target);
        int[] keep = rowsWhere(t.rows(), r -> !c.isMissing(r));
        return keep.length == t.rows() ? t : t.select(keep);
    }

    /** Where the first rows without a target are, as "file row N" (data rows counted from 1). */
    private static List<String> withoutTarget(Table t, String target) {
        Column c = t.column(target);
        String file = java.nio.file.Path.of(t.source()).getFileName().toString();
        return java.util.stream.IntStream.range(0, t.rows()).filter(c::isMissing).limit(PreparedData.NAMED_ROWS)
                .mapToObj(r -> file + " row " + (r + 1)).toList();
    }

    /** The rows without a missing value in any feature column. */
    private static Table complete(Table t, List<String> features) {
        List<Column> cols = new ArrayList<>();
        features.forEach(f -> cols.add(t.column(f)));
        int[] keep = rowsWhere(t.rows(), r -> cols.stream().noneMatch(c -> c.isMissing(r)));
        return keep.length == t.rows() ? t : t.select(keep);
    }

    private static int[] rowsWhere(int n, java.util.function.IntPredicate p) {
        return java.util.stream.IntStream.range(0, n).filter(p).toArray();
    }
}
