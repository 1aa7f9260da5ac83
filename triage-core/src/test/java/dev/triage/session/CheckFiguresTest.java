package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.SplitConfig;
import dev.triage.config.Stratify;
import dev.triage.data.Split;
import dev.triage.data.Splitter;
import org.junit.jupiter.api.Test;

/** The split sizes check reports for sampled files are those the splitter gives a run on the whole file. */
class CheckFiguresTest {
    @Test
    void splitSizesMatchTheSplitter() {
        for (double[] shares : new double[][] {{0.15, 0.15}, {0.2, 0.1}, {0.0, 0.3}, {0.33, 0.0}}) {
            SplitConfig cfg = new SplitConfig(shares[0], shares[1], true, Stratify.FALSE, 42);
            for (int n : new int[] {1, 7, 100, 1599, 200_000, 1_000_003}) {
                Split s = Splitter.split(n, null, cfg, true);
                assertThat(CheckFigures.splitSizes(n, cfg, -1)).as(n + " rows, " + shares[0] + "/" + shares[1])
                        .containsExactly(s.train().length, s.validation().length, s.test().length);
                Split withFile = Splitter.split(n, null, cfg, false);
                assertThat(CheckFigures.splitSizes(n, cfg, 16_281)).containsExactly(withFile.train().length,
                        withFile.validation().length, 16_281);
            }
        }
    }
}
