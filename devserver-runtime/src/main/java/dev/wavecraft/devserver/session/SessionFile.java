package dev.wavecraft.devserver.session;

import com.google.gson.JsonParseException;
import dev.wavecraft.protocol.files.AtomicText;
import dev.wavecraft.protocol.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The session's file: JSON, written whole or not at all. */
public final class SessionFile {

    private final Path file;

    public SessionFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * @return nothing when no earlier run left a session
     * @throws IOException naming the file and what is wrong with it
     */
    public Optional<Session> read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            Session session = Json.GSON.fromJson(Json.parseStrict(text), Session.class);
            if (session == null) {
                throw new JsonParseException("it is empty");
            }
            return Optional.of(new Session(session.values() == null ? Map.of() : session.values(), session.input(),
                    session.configuredInput(), session.compare()));
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not a session file (" + e.getMessage() + ")", e);
        }
    }

    public void write(Session session) throws IOException {
        AtomicText.write(file, Json.PRETTY.toJson(session) + "\n");
    }
}
