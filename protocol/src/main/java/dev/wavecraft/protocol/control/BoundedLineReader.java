package dev.wavecraft.protocol.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Reads lines of at most a given length, so no peer can make us buffer without end. */
public final class BoundedLineReader {

    private final Reader in;
    private final int maxChars;

    public BoundedLineReader(InputStream in, int maxChars) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at end of stream. */
    public String readLine() throws IOException {
        return readLine(maxChars);
    }

    /** The next line, bounded more tightly than usual, e.g. a handshake's. */
    public String readLine(int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (line.length() == limit) {
                throw new IOException("line longer than " + limit + " characters");
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
