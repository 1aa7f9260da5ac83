package dev.triage.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes event files byte for byte as TensorBoard writers do: PyTorch's SummaryWriter puts a scalar in
 * {@code simple_value}; TF2 and Keras put it in a {@code tensor} (DT_FLOAT, {@code float_val}).
 */
final class EventWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    EventWriter() throws IOException {
        // Every event file starts with an event carrying only the file version.
        record(event(0, 0, null, "brain.Event:2"));
    }

    EventWriter simple(String tag, long step, float value) throws IOException {
        return record(event(step, step, summary(tag, value, false), null));
    }

    EventWriter tensor(String tag, long step, float value) throws IOException {
        return record(event(step, step, summary(tag, value, true), null));
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private EventWriter record(byte[] data) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length);
        out.write(len.array());
        out.write(le(EventFile.masked(len.array(), 0, 8)));
        out.write(data);
        out.write(le(EventFile.masked(data, 0, data.length)));
        return this;
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] event(double wall, long step, byte[] summary, String version) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(b);
        c.writeDouble(1, 1.7e9 + wall);
        c.writeInt64(2, step);
        if (version != null) {
            c.writeString(3, version);
        }
        if (summary != null) {
            c.writeByteArray(5, summary);
        }
        c.flush();
        return b.toByteArray();
    }

    private static byte[] summary(String tag, float value, boolean asTensor) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(v);
        c.writeString(1, tag);
        if (asTensor) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            CodedOutputStream tc = CodedOutputStream.newInstance(t);
            tc.writeEnum(1, 1);
            tc.writeByteArray(2, new byte[0]);
            // packed repeated float, as proto3 writes float_val
            tc.writeTag(5, 2);
            tc.writeUInt32NoTag(4);
            tc.writeFloatNoTag(value);
            tc.flush();
            c.writeBytes(8, ByteString.copyFrom(t.toByteArray()));
            c.writeByteArray(9, new byte[] {0x0a, 0x00});
        } else {
            c.writeFloat(2, value);
        }
        c.flush();
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        CodedOutputStream sc = CodedOutputStream.newInstance(s);
        sc.writeByteArray(1, v.toByteArray());
        sc.flush();
        return s.toByteArray();
    }
}
