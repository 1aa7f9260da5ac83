package dev.triage.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NumberParserTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return NumberParser.parse(b, 0, b.length);
    }

    @Property
    void agreesWithTheJdkOnEveryDoubleItPrints(@ForAll double v) {
        String s = Double.toString(v);
        assertThat(parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @Property
    void agreesWithTheJdkOnDecimalTokens(@ForAll long mantissa, @ForAll @IntRange(min = 0, max = 25) int decimals) {
        String digits = Long.toString(mantissa).replace("-", "");
        String s = decimals == 0 || decimals >= digits.length() ? digits
                : digits.substring(0, digits.length() - decimals) + "." + digits.substring(digits.length() - decimals);
        if (mantissa < 0) {
            s = "-" + s;
        }
        assertThat(parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @Test
    void specialTokensAndText() {
        assertThat(parse("3504.")).isEqualTo(3504.0);
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("1e-5")).isEqualTo(1e-5);
        assertThat(parse("-INF")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("nan")).isNaN();
        assertThat(NumberParser.isNotNumber(parse("12a"))).isTrue();
        assertThat(NumberParser.isNotNumber(parse("-"))).isTrue();
        assertThat(NumberParser.isNotNumber(parse("1e"))).isTrue();
        assertThat(NumberParser.isNotNumber(parse(""))).isTrue();
    }
}
