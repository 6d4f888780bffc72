package dev.wavecraft.maven.lifecycle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The background server's output after it became ready, one line at a time, flushed as it comes. */
public final class OutputLog implements Consumer<String>, AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;

    public OutputLog(Path file) throws IOException {
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void accept(String line) {
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
