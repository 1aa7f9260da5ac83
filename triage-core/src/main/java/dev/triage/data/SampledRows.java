package dev.triage.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Passes a uniform random sample of exactly {@code sample} of a file's {@code total} data rows on to
 * another sink, in file order, deciding row by row (Knuth's selection sampling): no list of chosen rows
 * is kept, so memory does not depend on the file's length. The sample depends only on the seed.
 */
final class SampledRows implements CsvSink {
    private final CsvSink target;
    private final long total;
    private final int sample;
    private final SplittableRandom random;
    private long seen;
    private long selected;
    private boolean keep;

    SampledRows(CsvSink target, long total, int sample, long seed) {
        this.target = target;
        this.total = total;
        this.sample = sample;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void separator(char separator) {
        target.separator(separator);
    }

    @Override
    public void header(List<String> names) {
        target.header(names);
        decide();
    }

    @Override
    public void field(int column, byte[] buf, int start, int end, boolean quoted, long line) {
        if (keep) {
            target.field(column, buf, start, end, quoted, line);
        }
    }

    @Override
    public void endRow(long line) {
        if (keep) {
            target.endRow(line);
            selected++;
        }
        seen++;
        decide();
    }

    private void decide() {
        long left = total - seen;
        keep = left > 0 && random.nextDouble() * left < sample - selected;
    }
}
