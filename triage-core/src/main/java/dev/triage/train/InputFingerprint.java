package dev.triage.train;

import dev.triage.config.InvalidInputException;
import dev.triage.data.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The size and SHA-256 of an input file of a run ({@code role} is {@code data} or {@code test}), kept in
 * its checkpoints so that a resume notices when the file it would read again has changed.
 */
public record InputFingerprint(String role, String path, long size, String sha256) {

    public static InputFingerprint of(String role, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; size += n) {
                md.update(buf, 0, n);
            }
            return new InputFingerprint(role, file.toString(), size, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Text.printable(file.toString(), 300) + ": file not found; the run read it"
                    + " from there, so put it back to resume the run");
        } catch (IOException e) {
            throw new InvalidInputException(Text.printable(file.toString(), 300) + ": cannot read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Refuses to go on when the file now differs from what the run was trained on. */
    public void requireUnchanged(String runDir) {
        InputFingerprint now = of(role, Path.of(path));
        if (now.size != size || !now.sha256.equals(sha256)) {
            String what = now.size != size ? size + " bytes then, " + now.size + " now" : "same size, different content";
            throw new InvalidInputException(Text.printable(path, 300) + ": the " + role + " file changed since the run in "
                    + Text.printable(runDir, 300) + " read it (" + what + "); a resume must train on the same rows: put"
                    + " the original file back, or start a new run with triage train --config " + Text.printable(runDir, 300)
                    + "/run.yaml");
        }
    }
}
