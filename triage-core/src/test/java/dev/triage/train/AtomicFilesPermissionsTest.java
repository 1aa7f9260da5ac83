package dev.triage.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An atomically written file gets the permissions any new file gets under the process's umask (not 0600). */
class AtomicFilesPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void permissionsFollowTheUmask() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, "x");
        AtomicFiles.write(atomic, "y");
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readString(atomic)).isEqualTo("y");
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
