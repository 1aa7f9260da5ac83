package dev.triage.tensorboard;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.triage.config.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the scalars of one event file. Each TFRecord is {@code uint64 length, uint32 masked crc32c of
 * the length, bytes, uint32 masked crc32c of the bytes}; a record cut short at the end of the file (a
 * writer that crashed) ends the reading there; a checksum that does not match anywhere else is an error.
 */
final class EventFile {
    private static final int MAX_RECORD = 64 << 20;

    /** Scalars read, and whether the file ended in the middle of a record. */
    record Contents(List<Scalar> scalars, boolean truncated) {
    }

    private EventFile() {
    }

    static Contents read(Path file, String run) {
        List<Scalar> out = new ArrayList<>();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            long record = 0;
            while (true) {
                byte[] header = in.readNBytes(12);
                if (header.length == 0) {
                    return new Contents(out, false);
                }
                if (header.length < 12) {
                    return new Contents(out, true);
                }
                ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                long length = h.getLong();
                int lengthCrc = h.getInt();
                check(file, record, masked(header, 0, 8), lengthCrc, "length");
                if (length < 0 || length > MAX_RECORD) {
                    throw bad(file, record, "a record length of " + length + " bytes");
                }
                byte[] data = in.readNBytes((int) length);
                byte[] crc = in.readNBytes(4);
                if (data.length < length || crc.length < 4) {
                    return new Contents(out, true);
                }
                check(file, record, masked(data, 0, data.length), ByteBuffer.wrap(crc).order(ByteOrder.LITTLE_ENDIAN).getInt(), "data");
                event(data, run, out);
                record++;
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read as a TensorBoard event file (" + e.getMessage()
                    + "); pass the folder the SummaryWriter wrote to");
        }
    }

    /** TensorFlow's masked CRC-32C: rotate right by 15 bits and add a constant. */
    static int masked(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        int crc = (int) c.getValue();
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    private static void check(Path file, long record, int expected, int found, String what) {
        if (expected != found) {
            throw bad(file, record, "a " + what + " checksum that does not match (the file is damaged)");
        }
    }

    private static InvalidInputException bad(Path file, long record, String what) {
        return new InvalidInputException(file + ": record " + (record + 1) + " has " + what
                + "; expected TFRecord framing as TensorBoard's SummaryWriter writes it");
    }

    /** Event: wall_time = 1 (double), step = 2 (int64), summary = 5 (message). */
    private static void event(byte[] data, String run, List<Scalar> out) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        double wall = Double.NaN;
        long step = 0;
        List<byte[]> summaries = new ArrayList<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> wall = in.readDouble();
                case 2 -> step = in.readInt64();
                case 5 -> summaries.add(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        for (byte[] s : summaries) {
            SummaryValues.read(s, run, step, wall, out);
        }
    }
}
