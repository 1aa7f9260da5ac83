package dev.triage.tensorboard;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The scalars of a {@code Summary}: its repeated {@code value} (field 1) holds a {@code tag} (1) and
 * either a {@code simple_value} (2, float; PyTorch's SummaryWriter) or a {@code tensor} (8; TF2 and
 * Keras) whose single number sits in {@code float_val} (5), {@code double_val} (6) or
 * {@code tensor_content} (4, raw little-endian, by {@code dtype} (1): 1 float, 2 double).
 */
final class SummaryValues {
    private static final int DT_DOUBLE = 2;

    private SummaryValues() {
    }

    static void read(byte[] summary, String run, long step, double wall, List<Scalar> out) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(summary);
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                value(in.readByteArray(), run, step, wall, out);
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void value(byte[] bytes, String run, long step, double wall, List<Scalar> out) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String name = null;
        double v = Double.NaN;
        boolean found = false;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 2 -> {
                    v = in.readFloat();
                    found = true;
                }
                case 8 -> {
                    v = tensor(in.readByteArray());
                    found = true;
                }
                default -> in.skipField(tag);
            }
        }
        if (name != null && found) {
            out.add(new Scalar(run, name, step, v, wall));
        }
    }

    /** The first number of a TensorProto (a scalar summary holds one). */
    static double tensor(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int dtype = 1;
        double value = Double.NaN;
        byte[] content = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field == 1) {
                dtype = in.readEnum();
            } else if (field == 4) {
                content = in.readByteArray();
            } else if (field == 5 || field == 6) {
                value = packedOrSingle(in, field, wire);
            } else {
                in.skipField(tag);
            }
        }
        if (Double.isNaN(value) && content != null && content.length >= 4) {
            ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            value = dtype == DT_DOUBLE && content.length >= 8 ? b.getDouble() : b.getFloat();
        }
        return value;
    }

    private static double packedOrSingle(CodedInputStream in, int field, int wire) throws IOException {
        if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int length = in.readRawVarint32();
            int limit = in.pushLimit(length);
            double first = Double.NaN;
            if (!in.isAtEnd()) {
                first = field == 5 ? in.readFloat() : in.readDouble();
            }
            in.skipRawBytes(in.getBytesUntilLimit());
            in.popLimit(limit);
            return first;
        }
        return field == 5 ? in.readFloat() : in.readDouble();
    }
}
