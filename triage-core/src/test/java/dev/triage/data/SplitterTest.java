package dev.triage.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.SplitConfig;
import dev.triage.config.Stratify;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitterTest {
    private static final SplitConfig SHUFFLED = new SplitConfig(0.2, 0.1, true, Stratify.AUTO, 7);

    @Test
    void splitsIntoDisjointSetsOfTheConfiguredSizes() {
        Split s = Splitter.split(1000, null, SHUFFLED, true);
        assertThat(s.train()).hasSize(700);
        assertThat(s.validation()).hasSize(200);
        assertThat(s.test()).hasSize(100);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 1000).toArray());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        assertThat(Splitter.split(100, null, SHUFFLED, true).train()).isEqualTo(Splitter.split(100, null, SHUFFLED, true).train());
        SplitConfig other = new SplitConfig(0.2, 0.1, true, Stratify.AUTO, 8);
        assertThat(Splitter.split(100, null, other, true).train()).isNotEqualTo(Splitter.split(100, null, SHUFFLED, true).train());
    }

    @Test
    void stratificationKeepsClassProportionsInEverySplit() {
        int[] labels = new int[300];
        for (int i = 0; i < 300; i++) {
            labels[i] = i < 270 ? 0 : 1;
        }
        Split s = Splitter.split(300, labels, SHUFFLED, true);
        assertThat(count(s.validation(), labels, 1)).isEqualTo(6);
        assertThat(count(s.test(), labels, 1)).isEqualTo(3);
        assertThat(count(s.train(), labels, 1)).isEqualTo(21);
    }

    @Test
    void withoutShuffleFileOrderIsKeptAndTheLastRowsAreTest() {
        Split s = Splitter.split(10, null, new SplitConfig(0.2, 0.2, false, Stratify.AUTO, 1), true);
        assertThat(s.train()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(s.validation()).containsExactly(6, 7);
        assertThat(s.test()).containsExactly(8, 9);
    }

    @Test
    void aSeparateTestFileTakesNoRowsFromTheMainFile() {
        Split s = Splitter.split(100, null, SHUFFLED, false);
        assertThat(s.test()).isEmpty();
        assertThat(s.train().length + s.validation().length).isEqualTo(100);
    }

    private static long count(int[] rows, int[] labels, int cls) {
        return Arrays.stream(rows).filter(r -> labels[r] == cls).count();
    }
}
