package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * One MIDI message as Web MIDI delivers it (status byte first, then its data bytes), checked byte
 * by byte so a malformed one is refused saying what is wrong. System exclusive is refused: it is
 * longer than the three bytes a channel message needs.
 */
final class MidiBytes {

    private static final int MAX_LENGTH = 3;

    private MidiBytes() {
    }

    /** {@code [status, data1, data2]}, with 0 for the bytes the message has not. */
    static int[] read(JsonArray data) throws RpcException {
        if (data.isEmpty() || data.size() > MAX_LENGTH) {
            throw RpcException.invalidParams("'data' must hold one MIDI message of 1 to 3 bytes, not " + data.size()
                    + (data.size() > MAX_LENGTH ? " (system exclusive is not supported)" : ""));
        }
        int[] bytes = new int[MAX_LENGTH];
        for (int i = 0; i < data.size(); i++) {
            bytes[i] = byteAt(data, i);
        }
        int status = bytes[0];
        if (status < 0x80) {
            throw RpcException.invalidParams("'data' must start with a status byte (128 to 255), not " + status
                    + " (running status is not supported)");
        }
        if (status == 0xf0 || status == 0xf7) {
            throw RpcException.invalidParams("'data' starts a system exclusive message (" + status
                    + "), which is not supported");
        }
        for (int i = 1; i < data.size(); i++) {
            if (bytes[i] > 0x7f) {
                throw RpcException.invalidParams("'data[" + i + "]' is " + bytes[i] + ", but a data byte lies within"
                        + " 0 to 127 (only the first byte is a status byte)");
            }
        }
        int length = lengthOf(status);
        if (data.size() != length) {
            throw RpcException.invalidParams("'data' is a " + nameOf(status) + " (status " + status + "), which has "
                    + length + " byte" + (length == 1 ? "" : "s") + ", not " + data.size());
        }
        return bytes;
    }

    private static int byteAt(JsonArray data, int index) throws RpcException {
        JsonElement element = data.get(index);
        if (element instanceof JsonPrimitive primitive && primitive.isNumber()) {
            double value = primitive.getAsDouble();
            if (value == Math.rint(value) && value >= 0 && value <= 255) {
                return (int) value;
            }
        }
        throw RpcException.invalidParams("'data[" + index + "]' must be a byte, a whole number from 0 to 255, not "
                + element);
    }

    private static int lengthOf(int status) {
        switch (status & 0xf0) {
            case 0xc0:
            case 0xd0:
                return 2;
            case 0xf0:
                return status == 0xf2 ? 3 : status == 0xf1 || status == 0xf3 ? 2 : 1;
            default:
                return 3;
        }
    }

    private static String nameOf(int status) {
        switch (status & 0xf0) {
            case 0x80:
                return "note off";
            case 0x90:
                return "note on";
            case 0xa0:
                return "polyphonic aftertouch";
            case 0xb0:
                return "control change";
            case 0xc0:
                return "program change";
            case 0xd0:
                return "channel aftertouch";
            case 0xe0:
                return "pitch bend";
            default:
                return status == 0xf1 ? "time code quarter frame" : status == 0xf2 ? "song position"
                        : status == 0xf3 ? "song select" : "one-byte system message";
        }
    }
}
