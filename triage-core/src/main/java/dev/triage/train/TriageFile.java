package dev.triage.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        ArrayNode list = header.putArray("arrays");
        arrays.forEach((name, a) -> list.addObject().put("name", name).put("type", a.float32() ? "float32" : "float64")
                .put("length", a.values().length));
        header.put("format", FORMAT_VERSION);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeByte(kind);
            out.writeShort(FORMAT_VERSION);
            byte[] json = JSON.writeValueAsBytes(header);
            out.writeInt(json.length);
            out.write(json);
            for (Array a : arrays.values()) {
                for (double v : a.values()) {
                    if (a.float32()) {
                        out.writeFloat((float) v);
                    } else {
                        out.writeDouble(v);
                    }
                }
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] digest = sha256(body, body.length);
            byte[] all = Arrays.copyOf(body, body.length + DIGEST);
            System.arraycopy(digest, 0, all, body.length, DIGEST);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (headerLength < 2 || buf.position() + headerLength > end) {
            throw new InvalidInputException(name + ": damaged header; use another checkpoint or retrain");
        }
        ObjectNode header;
        try {
            header = (ObjectNode) JSON.readTree(new String(buf.array(), buf.position(), headerLength, StandardCharsets.UTF_8));
        } catch (IOException | ClassCastException e) {
            throw new InvalidInputException(name + ": damaged header (" + e.getMessage() + ")");
        }
        buf.position(buf.position() + headerLength);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (JsonNode a : header.path("arrays")) {
            boolean f32 = "float32".equals(a.path("type").asText());
            int length = a.path("length").asInt(-1);
            long bytes = (long) length * (f32 ? 4 : 8);
            if (length < 0 || buf.position() + bytes > end) {
                throw new InvalidInputException(name + ": array '" + a.path("name").asText() + "' is cut short; the file is damaged");
            }
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = f32 ? buf.getFloat() : buf.getDouble();
            }
            arrays.put(a.path("name").asText(), values);
        }
        return new TriageFile(kind, header, arrays);
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
