package dev.triage.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How one input column becomes network inputs, with everything fitted on the training split: a
 * numeric column is filled ({@code fill}, NaN = no imputation) then scaled as (v - center) / scale;
 * a categorical column is one-hot encoded over {@code levels} or replaced by its level index.
 */
public record FeatureEncoding(String column, Kind kind, double fill, double center, double scale, List<String> levels) {
    public enum Kind { NUMERIC, ONEHOT, ORDINAL }

    public FeatureEncoding {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** Number of network inputs this column becomes. */
    public int width() {
        return kind == Kind.ONEHOT ? levels.size() : 1;
    }

    /** Names of those inputs: the column name, or {@code column=level} for one-hot inputs. */
    public List<String> inputNames() {
        if (kind != Kind.ONEHOT) {
            return List.of(column);
        }
        List<String> names = new ArrayList<>();
        for (String level : levels) {
            names.add(column + "=" + level);
        }
        return names;
    }
}
