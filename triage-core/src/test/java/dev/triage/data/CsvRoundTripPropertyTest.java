package dev.triage.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.config.Separator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A table written as CSV with any separator, quoting and number format reads back to the same table:
 * the same column names, every number as Java reads its token, every text as written.
 */
class CsvRoundTripPropertyTest {
    private static final List<String> MISSING = List.of("", "NA", "NaN", "?");

    /** How a file writes its values. */
    record Style(char separator, boolean quoteAll, int numberFormat, boolean crlf) {
    }

    record Written(Style style, List<double[]> numbers, List<String> texts) {
    }

    @Property(tries = 150)
    void aWrittenTableReadsBackTheSame(@ForAll("tables") Written w) throws IOException {
        Path f = Files.createTempFile("triage-roundtrip", ".csv");
        try {
            List<String[]> tokens = new ArrayList<>();
            Files.write(f, render(w, tokens).getBytes(StandardCharsets.UTF_8));
            Table t = TableReader.read(f, Separator.AUTO, MISSING);
            int columns = w.numbers().get(0).length;
            assertThat(t.rows()).isEqualTo(w.numbers().size());
            for (int c = 0; c < columns; c++) {
                double[] read = ((NumericColumn) t.column("x" + c)).values();
                for (int r = 0; r < t.rows(); r++) {
                    String token = tokens.get(r)[c];
                    assertThat(read[r]).as("row %d column %d token '%s' in %s", r, c, token, w.style())
                            .isEqualTo(Double.parseDouble(token.replace(',', '.')));
                }
            }
            CategoricalColumn text = (CategoricalColumn) t.column("label");
            for (int r = 0; r < t.rows(); r++) {
                assertThat(text.valueAt(r)).as("row %d in %s", r, w.style()).isEqualTo(w.texts().get(r));
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static String render(Written w, List<String[]> tokens) {
        Style s = w.style();
        String end = s.crlf() ? "\r\n" : "\n";
        int columns = w.numbers().get(0).length;
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            sb.append(field("x" + c, s)).append(s.separator());
        }
        sb.append(field("label", s)).append(end);
        for (int r = 0; r < w.numbers().size(); r++) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = number(w.numbers().get(r)[c], s);
                sb.append(field(row[c], s)).append(s.separator());
            }
            tokens.add(row);
            sb.append(field(w.texts().get(r), s)).append(end);
        }
        return sb.toString();
    }

    /** Numbers as spreadsheets and programs write them: shortest, fixed, scientific, with a sign or a decimal comma. */
    private static String number(double v, Style s) {
        String t = switch (s.numberFormat()) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%.6f", v);
            case 2 -> String.format(Locale.ROOT, "%.4e", v);
            case 3 -> (v >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.3f", v);
            default -> Long.toString(Math.round(v));
        };
        return s.separator() == ',' ? t : t.replace('.', ',');
    }

    private static String field(String value, Style s) {
        boolean needs = value.indexOf(s.separator()) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return s.quoteAll() || needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Provide
    Arbitrary<Written> tables() {
        Arbitrary<Style> style = Combinators.combine(Arbitraries.of(',', ';', '\t'), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 4), Arbitraries.of(true, false)).as(Style::new);
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(-1, 1), Arbitraries.integers().between(-1000, 1000).map(i -> (double) i));
        return Arbitraries.integers().between(1, 4).flatMap(columns -> Arbitraries.integers().between(1, 30).flatMap(rows -> {
            Arbitrary<List<double[]>> numbers = value.array(double[].class).ofSize(columns).list().ofSize(rows);
            Arbitrary<List<String>> texts = text().list().ofSize(rows);
            return Combinators.combine(style, numbers, texts).as(Written::new);
        }));
    }

    /** Text that is no number and no missing token: letters first, then anything a field may hold. */
    private static Arbitrary<String> text() {
        Arbitrary<String> head = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> tail = Arbitraries.strings().withChars("ab ,;\t\"'\n\r\u00e9\u4e2d-_.").ofMaxLength(8);
        return Combinators.combine(head, tail, Arbitraries.strings().withCharRange('a', 'z').ofLength(1))
                .as((h, t, last) -> h + t + last);
    }
}
