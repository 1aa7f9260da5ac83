package dev.triage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.InvalidInputException;
import dev.triage.config.Separator;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data file too large for the heap is refused with its figures before it is read into memory. */
class DataSizeTest {
    @TempDir
    Path dir;

    /** 1,000,000 rows of 4 columns in about 50 KB of gzip. */
    static Path bigGzip(Path dir) throws Exception {
        Path f = dir.resolve("big.csv.gz");
        byte[] row = "0.5,1.5,2.5,3.5\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write("a,b,c,y\n".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[row.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(row, 0, block, i * row.length, row.length);
            }
            for (int i = 0; i < 1000; i++) {
                out.write(block);
            }
        }
        return f;
    }

    @Test
    void aFileWhoseRowsDoNotFitIsRefusedWithTheFigures() throws Exception {
        Path f = bigGzip(dir);
        assertThat(Files.size(f)).isLessThan(200_000);
        long heap = 100L << 20;
        assertThatThrownBy(() -> DataSize.requireFits(f, Separator.AUTO, heap)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1,000,001 rows x 4 columns need about 167 MB of memory")
                .hasMessageContaining("the JVM may use 100 MB").hasMessageContaining("TRIAGE_JAVA_OPTS=-Xmx1g");
        assertThatCode(() -> DataSize.requireFits(f, Separator.AUTO, 1L << 30)).doesNotThrowAnyException();
    }
}
