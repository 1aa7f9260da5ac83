package dev.triage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.TestData;
import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private static final List<String> MISSING = List.of("", "NA", "NaN", "?");

    @TempDir
    Path dir;

    private Table read(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, content);
        return TableReader.read(f, Separator.AUTO, MISSING);
    }

    private static double[] numbers(Table t, String col) {
        return ((NumericColumn) t.column(col)).values();
    }

    @Test
    void numbersWithADecimalCommaAreReadInFilesNotSeparatedByCommas() throws IOException {
        Table semi = read("a;b;y\n1,5;-0,25;3\n2,75;1e3;4,5e-1\n;7,0;1\n");
        assertThat(numbers(semi, "a")).containsExactly(1.5, 2.75, Double.NaN);
        assertThat(numbers(semi, "b")).containsExactly(-0.25, 1000.0, 7.0);
        assertThat(numbers(semi, "y")).containsExactly(3.0, 0.45, 1.0);
        Table tab = read("a\ty\n0,5\t1\n1,5\t2\n");
        assertThat(numbers(tab, "a")).containsExactly(0.5, 1.5);
        Table codes = read("a;y\n1,2,3;1\n4,5.6;2\n,5;3\n7,;4\n");
        assertThat(codes.column("a")).as("not numbers with a decimal comma").isInstanceOf(CategoricalColumn.class);
        StreamingStats stats = StreamingStats.read(write("a;y\n1,5;2\n2,5;3\n"), Separator.AUTO, MISSING);
        assertThat(stats.column("a").text()).isZero();
        assertThat(stats.column("a").max()).isEqualTo(2.5);
    }

    private Path write(String content) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void sniffsCommaSemicolonAndTab() throws IOException {
        assertThat(read("a,b\n1,2\n").names()).containsExactly("a", "b");
        assertThat(read("a;b\n1,5;2\n").names()).containsExactly("a", "b");
        assertThat(read("a\tb\n1\t2\n").names()).containsExactly("a", "b");
        assertThat(CsvReader.sniff("x;y,z;w".getBytes(StandardCharsets.UTF_8))).isEqualTo(';');
    }

    @Test
    void quotedFieldsKeepSeparatorsNewlinesAndDoubledQuotes() throws IOException {
        Table t = read("name,v\n\"a, \"\"quoted\"\"\nvalue\",1\n plain ,2\r\n\"\",3\n");
        CategoricalColumn c = (CategoricalColumn) t.column("name");
        assertThat(c.valueAt(0)).isEqualTo("a, \"quoted\"\nvalue");
        assertThat(c.valueAt(1)).isEqualTo("plain");
        assertThat(c.isMissing(2)).isTrue();
        assertThat(numbers(t, "v")).containsExactly(1, 2, 3);
    }

    @Test
    void readsBomGzipAndBlankTrailingLines() throws IOException {
        Path f = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write("x,y\n1,2\n3,4\n\n\n".getBytes(StandardCharsets.UTF_8));
        }
        Table t = TableReader.read(f, Separator.AUTO, MISSING);
        assertThat(t.names()).containsExactly("x", "y");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(numbers(t, "y")).containsExactly(2, 4);
    }

    @Test
    void missingTokensInfinitiesAndTypes() throws IOException {
        Table t = read("a,b,c\n1.5,x,NA\n?,y,inf\n3e2,x,-Infinity\n");
        assertThat(numbers(t, "a")).containsExactly(1.5, Double.NaN, 300);
        assertThat(t.column("b")).isInstanceOf(CategoricalColumn.class);
        assertThat(((CategoricalColumn) t.column("b")).levels()).containsExactly("x", "y");
        assertThat(numbers(t, "c")).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void badFilesAreOneLineErrorsNamingFileAndLine() throws IOException {
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidInputException.class).hasMessageEndingWith("the file is empty; it needs a header row and data rows");
        assertThatThrownBy(() -> read("a,b\n")).hasMessageEndingWith("has a header but no data rows");
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n")).hasMessageContaining("t.csv:3: row has 1 fields but the header has 2");
        assertThatThrownBy(() -> read("a,b\n1,\"2\n")).hasMessageContaining("t.csv:2: a quoted field is never closed");
        assertThatThrownBy(() -> read("a,a\n1,2\n")).hasMessageContaining("column 'a' appears twice");
        assertThatThrownBy(() -> TableReader.read(dir.resolve("nope.csv"), Separator.AUTO, MISSING))
                .hasMessageContaining("nope.csv: file not found");
    }

    @Test
    void strayTextInANumericColumnNamesLineAndColumn() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 60; i++) {
            sb.append(i).append(',').append(i == 41 ? "12,5x" : Integer.toString(i)).append('\n');
        }
        assertThatThrownBy(() -> read(sb.toString().replace("12,5x", "\"12.5x\"")))
                .hasMessageContaining("t.csv:43: column 'b' (column 2) holds '12.5x', which is not a number, while 59 other values are");
    }

    @Test
    void hostileColumnNamesPrintHarmlessly() {
        assertThat(Text.printable("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
    }

    @Test
    void readsTheRealDatasets() {
        Table housing = TableReader.read(TestData.dataset("california_housing.csv"), Separator.AUTO, MISSING);
        assertThat(housing.rows()).isEqualTo(20640);
        assertThat(((NumericColumn) housing.column("total_bedrooms")).nanCount()).isEqualTo(207);
        assertThat(housing.column("ocean_proximity")).isInstanceOf(CategoricalColumn.class);
        Table mpg = TableReader.read(TestData.dataset("auto_mpg.csv"), Separator.AUTO, MISSING);
        assertThat(((NumericColumn) mpg.column("weight")).values()[0]).isEqualTo(3504.0);
        assertThat(((NumericColumn) mpg.column("horsepower")).nanCount()).isEqualTo(6);
        Table flights = TableReader.read(TestData.dataset("flights_200k.csv.gz"), Separator.AUTO, MISSING);
        assertThat(flights.rows()).isEqualTo(200_000);
    }
}
