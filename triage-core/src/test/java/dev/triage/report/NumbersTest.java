package dev.triage.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as people read them: significant digits, scientific where fixed-point would mislead or sprawl. */
class NumbersTest {
    @Test
    void hugeAndTinyValuesAreScientificAndEverydayOnesPlain() {
        assertThat(Numbers.sig(29418599790008340000000000000000000000000000000000000.0, 4)).isEqualTo("2.942e+52");
        assertThat(Numbers.sig(3.2e-9, 4)).isEqualTo("3.2e-09");
        assertThat(Numbers.sig(1.0019, 4)).isEqualTo("1.002");
        assertThat(Numbers.sig(0.000123456, 4)).isEqualTo("0.0001235");
        assertThat(Numbers.sig(27850868.33, 4)).isEqualTo("2.785e+07");
        assertThat(Numbers.sig(0.30000000000000004, 6)).isEqualTo("0.3");
        assertThat(Numbers.sig(-12.5, 4)).isEqualTo("-12.5");
        assertThat(Numbers.sig(Double.NaN, 4)).isEqualTo("n/a");
        assertThat(Numbers.sig(Double.NEGATIVE_INFINITY, 4)).isEqualTo("-inf");
        assertThat(Numbers.sig(0, 4)).isEqualTo("0");
    }

    @Test
    void epochLinesNeitherSprawlNorRoundToZero() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Terminal t = new Terminal(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), false,
                Terminal.Progress.EVERY_EPOCH);
        ProgressPrinter p = new ProgressPrinter(t);
        p.onRunStart(new dev.triage.train.RunStarted(1, 2, 10, 100, 20, 50, 5, null));
        p.onEpochEnd(new dev.triage.train.EpochEnded(1, 10, 3, 2.9418599790008340e52, 1.2e-9, "rmse", 0.8537, 0, 1, 0.1));
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out).contains("loss 2.942e+52", "val_loss 1.2e-09", "val_rmse 0.8537", "lr 3")
                .doesNotContain("0.0000").doesNotContainPattern("\\d{12}");
    }

    @Test
    void csvCellsKeepSevenDigitsAndParseBack() {
        assertThat(Numbers.cell(5.37757557564227E-7)).isEqualTo("5.377576e-07");
        assertThat(Numbers.cell(0.987654321)).isEqualTo("0.9876543");
        assertThat(Numbers.cell(123456.789)).isEqualTo("123456.8");
        assertThat(Numbers.cell(Double.NaN)).isEmpty();
        for (double v : new double[] {5.37757557564227E-7, 1e300, -0.5, 7}) {
            assertThat(Double.parseDouble(Numbers.cell(v))).isCloseTo(v, org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
    }
}
