package dev.wavecraft.maven.lifecycle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.wavecraft.protocol.files.AtomicText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The files under {@code target/wavecraft/} that outlive a goal: the server's state (readable by
 * anyone) and the control secret (owner-only). Both are written atomically, so a reader never
 * sees half a file.
 */
public final class StateFiles {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe()).create();

    private final Path stateFile;
    private final Path secretFile;

    /**
     * @param stateFile where the running server is described
     * @param secretFile where its control channel's secret is kept, readable by the owner only
     */
    public StateFiles(Path stateFile, Path secretFile) {
        this.stateFile = stateFile;
        this.secretFile = secretFile;
    }

    public Path stateFile() {
        return stateFile;
    }

    public void write(ServerState state, String secret) throws IOException {
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        AtomicText.write(secretFile, secret);
        AtomicText.write(stateFile(), GSON.toJson(state) + System.lineSeparator());
    }

    /** The recorded state, or empty when there is none; a file that cannot be read counts as none. */
    public Optional<ServerState> read() {
        try {
            return Optional.ofNullable(GSON.fromJson(Files.readString(stateFile(), StandardCharsets.UTF_8),
                    ServerState.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean exists() {
        return Files.exists(stateFile());
    }

    public Optional<String> secret() {
        try {
            return Optional.of(Files.readString(secretFile, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void delete() throws IOException {
        Files.deleteIfExists(stateFile());
        Files.deleteIfExists(secretFile);
    }

    /** Instants as ISO-8601 text, the same on every JDK. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {

        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
