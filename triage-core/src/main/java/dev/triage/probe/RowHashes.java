package dev.triage.probe;

import dev.triage.data.CategoricalColumn;
import dev.triage.data.Column;
import dev.triage.data.NumericColumn;
import dev.triage.nn.Seeds;
import dev.triage.probe.log.DuplicateRows;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds duplicate rows by 64-bit hashes of their values (a collision is about 1 in 10^19 per pair). */
final class RowHashes {
    private RowHashes() {
    }

    static DuplicateRows duplicates(List<Column> features, Column target, int rows) {
        Set<Long> seen = new HashSet<>();
        Map<Long, Long> targetOf = new HashMap<>();
        Set<Long> conflictingKeys = new HashSet<>();
        long duplicates = 0;
        long conflicting = 0;
        for (int r = 0; r < rows; r++) {
            long f = hash(features, r);
            long t = value(target, r);
            if (!seen.add(Seeds.mix(f ^ (t * 0x9E3779B97F4A7C15L)))) {
                duplicates++;
            }
            Long prior = targetOf.putIfAbsent(f, t);
            if (prior != null && prior != t && conflictingKeys.add(f)) {
                conflicting++;
            }
        }
        return new DuplicateRows(rows, duplicates, conflicting);
    }

    static long hash(List<Column> cols, int r) {
        long h = 0x2545F4914F6CDD1DL;
        for (Column c : cols) {
            h = Seeds.mix(h + value(c, r));
        }
        return h;
    }

    private static long value(Column c, int r) {
        if (c instanceof NumericColumn n) {
            double v = n.values()[r];
            return Double.isNaN(v) ? 0x7ff8000000000000L : Double.doubleToLongBits(v == 0 ? 0.0 : v);
        }
        return ((CategoricalColumn) c).codes()[r] * 0xC2B2AE3D27D4EB4FL + 17;
    }
}
