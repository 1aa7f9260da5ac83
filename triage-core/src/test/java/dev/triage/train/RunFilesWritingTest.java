package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How run files reach the disk: permissions from the umask, metrics.csv grown by appending and cut back on resume. */
class RunFilesWritingTest {
    @TempDir
    Path dir;

    private static EpochEnded epoch(int e) {
        return new EpochEnded(e, e * 2L, 0.01, 1.0 / e, 2.0 / e, "rmse", 3.0 / e, 0.5, 1.0, 0.001);
    }

    @Test
    void atomicWritesGiveFilesThePermissionsOfTheUmask() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain")); // the umask applies to this one
        Path written = dir.resolve("report.json");
        AtomicFiles.write(written, "{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        AtomicFiles.write(written, "{\"again\": 1}");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain", "report.json");
        }
    }

    @Test
    void metricsRowsAreAppendedToTheSameFileNotRewritten() throws Exception {
        Path file = dir.resolve("metrics.csv");
        MetricsLog log = new MetricsLog(file);
        log.onEpochEnd(epoch(1));
        Path link = Files.createLink(dir.resolve("link"), file); // sees the rows only if the same file grows
        log.onEpochEnd(epoch(2));
        log.onEpochEnd(epoch(3));
        log.onRunEnd(null);
        assertThat(Files.readString(link)).as("the same file, grown in place").isEqualTo(Files.readString(file));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("epoch,step,learning_rate,train_loss,val_loss,val_rmse");
        assertThat(lines.get(2)).isEqualTo("2,4,0.01,0.5,1.0,1.5");
    }

    @Test
    void aResumeCutsOffWhatAKilledRunWroteAfterItsCheckpoint() throws Exception {
        Path file = dir.resolve("metrics.csv");
        MetricsLog first = new MetricsLog(file);
        first.onEpochEnd(epoch(1));
        first.onEpochEnd(epoch(2));
        long checkpointed = Files.size(file);
        first.onEpochEnd(epoch(3));
        Files.writeString(file, "4,8,0.01,0.2", java.nio.file.StandardOpenOption.APPEND); // a row cut by a crash
        first.onRunEnd(null);

        MetricsLog resumed = new MetricsLog(file);
        resumed.continueFrom(checkpointed, 2);
        resumed.onEpochEnd(epoch(3));
        resumed.onRunEnd(null);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("3,6,");

        MetricsLog older = new MetricsLog(file); // a checkpoint of an older Triage, without the length
        older.continueFrom(-1, 1);
        older.onEpochEnd(epoch(2));
        assertThat(Files.readAllLines(file)).hasSize(3).last().asString().startsWith("2,4,");
    }
}
