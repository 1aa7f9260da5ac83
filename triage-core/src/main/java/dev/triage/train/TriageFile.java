package dev.triage.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Triage's container for model files and checkpoints (see docs/model-format.md): magic bytes, a
 * format version, a JSON header that describes everything, raw big-endian number arrays, and a
 * SHA-256 of all of it that is verified on load. No Java serialization.
 */
public final class TriageFile {
    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = {'T', 'R', 'I', 'A', 'G', 'E', 0};
    static final int DIGEST = 32;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A number array and whether it is stored in 4-byte floats (exact for float32 engines) or 8-byte doubles. */
    public record Array(double[] values, boolean float32) {
    }

    private final char kind;
    private final ObjectNode header;
    private final Map<String, double[]> arrays;

    private TriageFile(char kind, ObjectNode header, Map<String, double[]> arrays) {
        this.kind = kind;
        this.header = header;
        this.arrays = arrays;
    }

    public char kind() {
        return kind;
    }

    public ObjectNode header() {
        return header;
    }

    /** A stored array; a missing one means the file is not what its header claims. */
    public double[] array(String name, String source) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new InvalidInputException(source + ": the file has no '" + name + "' section; it is damaged or not a "
                    + (kind == 'C' ? "checkpoint" : "model"));
        }
        return a;
    }

    public static byte[] encode(char kind, ObjectNode header, Map<String, Array> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, kind, header, arrays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Streams the file to {@code out}, computing the SHA-256 on the way: the memory it takes does not
     * grow with the network (a checkpoint of a large one is hundreds of megabytes).
     */
    public static void write(OutputStream out, char kind, ObjectNode header, Map<String, Array> arrays) throws IOException {
        ArrayNode list = header.putArray("arrays");
        arrays.forEach((name, a) -> list.addObject().put("name", name).put("type", a.float32() ? "float32" : "float64")
                .put("length", a.values().length));
        header.put("format", FORMAT_VERSION);
        MessageDigest md = sha256();
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(out, md), 1 << 16));
        data.write(MAGIC);
        data.writeByte(kind);
        data.writeShort(FORMAT_VERSION);
        byte[] json = JSON.writeValueAsBytes(header);
        data.writeInt(json.length);
        data.write(json);
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16); // big-endian, as DataOutputStream writes
        for (Array a : arrays.values()) {
            encode(a, chunk, data);
        }
        data.write(chunk.array(), 0, chunk.position());
        data.flush();
        out.write(md.digest());
        out.flush();
    }

    /** Encodes an array's values through {@code chunk}, writing it to {@code out} whenever it is full. */
    private static void encode(Array a, ByteBuffer chunk, OutputStream out) throws IOException {
        double[] values = a.values();
        int width = a.float32() ? 4 : 8;
        for (int i = 0; i < values.length; ) {
            if (chunk.remaining() < width) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            int end = Math.min(values.length, i + chunk.remaining() / width);
            if (a.float32()) {
                for (; i < end; i++) {
                    chunk.putFloat((float) values[i]);
                }
            } else {
                for (; i < end; i++) {
                    chunk.putDouble(values[i]);
                }
            }
        }
    }

    /** Whether every value survives a round trip through a 4-byte float bit for bit (then it is stored in 4 bytes). */
    public static boolean exactInFloat(double[] values) {
        for (double v : values) {
            if (Double.doubleToLongBits((float) v) != Double.doubleToLongBits(v)) {
                return false;
            }
        }
        return true;
    }

    /** Reads and verifies a file; every problem is an {@link InvalidInputException} naming the file. */
    public static TriageFile read(Path path, char expectedKind) {
        String name = path.toString();
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": file not found; check the path");
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
        int fixed = MAGIC.length + 1 + 2 + 4;
        if (all.length < fixed || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new InvalidInputException(name + ": not a Triage model or checkpoint file (wrong magic bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(all);
        buf.position(MAGIC.length);
        char kind = (char) buf.get();
        int version = buf.getShort() & 0xffff;
        if (version != FORMAT_VERSION) {
            throw new InvalidInputException(name + ": written in file format " + version + ", but this Triage reads format "
                    + FORMAT_VERSION + "; use the Triage version that wrote it, or retrain");
        }
        if (all.length < fixed + DIGEST) {
            throw new InvalidInputException(name + ": the file is truncated; use another checkpoint or retrain");
        }
        byte[] digest = sha256(all, all.length - DIGEST);
        if (!Arrays.equals(digest, Arrays.copyOfRange(all, all.length - DIGEST, all.length))) {
            throw new InvalidInputException(name + ": checksum mismatch, the file is truncated or corrupted;"
                    + " use another checkpoint (e.g. best or last) or retrain");
        }
        if (kind != expectedKind && !(expectedKind == 'M' && kind == 'C')) {
            throw new InvalidInputException(name + ": is a " + (kind == 'C' ? "checkpoint" : "model file")
                    + " but a " + (expectedKind == 'C' ? "checkpoint" : "model file") + " is needed here");
        }
        return parseBody(name, kind, buf, all.length - DIGEST);
    }

    private static TriageFile parseBody(String name, char kind, ByteBuffer buf, int end) {
        int headerLength = buf.getInt();
        if (headerLength < 2 || (long) buf.position() + headerLength > end) {
            throw new InvalidInputException(name + ": damaged header (it claims " + Integer.toUnsignedString(headerLength)
                    + " bytes, the file holds " + (end - buf.position()) + "); use another checkpoint or retrain");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(new String(buf.array(), buf.position(), headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name + ": damaged header (not JSON: " + oneLine(e.getOriginalMessage())
                    + "); use another checkpoint or retrain");
        }
        if (!(parsed instanceof ObjectNode header)) {
            throw new InvalidInputException(name + ": damaged header (a JSON " + (parsed == null ? "nothing" :
                    parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ", not an object); use another"
                    + " checkpoint or retrain");
        }
        buf.position(buf.position() + headerLength);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (JsonNode a : header.path("arrays")) {
            boolean f32 = "float32".equals(a.path("type").asText());
            long length = a.path("length").canConvertToLong() ? a.path("length").asLong() : -1;
            long bytes = length * (f32 ? 4 : 8);
            if (length < 0 || length > Integer.MAX_VALUE - 8 || buf.position() + bytes > end) {
                throw new InvalidInputException(name + ": array '" + a.path("name").asText() + "' is cut short; the file is damaged");
            }
            double[] values = new double[(int) length];
            for (int i = 0; i < length; i++) {
                values[i] = f32 ? buf.getFloat() : buf.getDouble();
            }
            arrays.put(a.path("name").asText(), values);
        }
        return new TriageFile(kind, header, arrays);
    }

    /** A parser's message on one line, cut to a readable length. */
    private static String oneLine(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return dev.triage.data.Text.printable(m, 160);
    }

    static byte[] sha256(byte[] data, int length) {
        MessageDigest md = sha256();
        md.update(data, 0, length);
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
