package dev.wavecraft.maven.warm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One build for the warm Maven: Maven's command-line arguments and the directory to run in. */
record WarmRequest(List<String> arguments, String workingDirectory) {

    WarmRequest {
        arguments = List.copyOf(arguments);
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(arguments.size());
        for (String argument : arguments) {
            out.writeUTF(argument);
        }
        out.writeUTF(workingDirectory);
        out.flush();
    }

    /** @throws java.io.EOFException when the stream ends before a request starts */
    static WarmRequest readFrom(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(in.readUTF());
        }
        return new WarmRequest(arguments, in.readUTF());
    }
}
