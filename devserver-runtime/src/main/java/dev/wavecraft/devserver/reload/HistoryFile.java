package dev.wavecraft.devserver.reload;

import com.google.gson.JsonParseException;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.files.AtomicText;
import dev.wavecraft.protocol.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reload history and the last generation number, kept in a file of the run's state directory
 * so that a server restarted after a crash numbers on from its predecessor and shows its history.
 * Without a state directory nothing is kept; a file that is gone (a deleted directory) or cannot be
 * read is a fresh start, said as a warning when it was there but unreadable.
 */
public final class HistoryFile {

    static final String NAME = "reload-history.json";

    /** What an earlier server of the run left: the last number it gave out, and its history, newest first. */
    public record Past(int lastGeneration, List<HistoryEntry> entries) {

        static final Past NONE = new Past(0, List.of());

        /** The number the first generation of this server runs under. */
        public int firstGeneration() {
            return lastGeneration + 1;
        }
    }

    private final Optional<Path> file;
    private final Consumer<String> warnings;

    /** @param stateDirectory where the run keeps its state, or empty to keep nothing */
    public HistoryFile(Optional<Path> stateDirectory, Consumer<String> warnings) {
        this.file = stateDirectory.map(directory -> directory.resolve(NAME));
        this.warnings = warnings;
    }

    public Past read() {
        if (file.isEmpty()) {
            return Past.NONE;
        }
        try {
            Past past = Json.GSON.fromJson(Files.readString(file.get(), StandardCharsets.UTF_8), Past.class);
            if (past == null || past.entries() == null || past.lastGeneration() < 0) {
                throw new JsonParseException("no generation number and entries");
            }
            return past;
        } catch (NoSuchFileException gone) {
            return Past.NONE;
        } catch (IOException | JsonParseException e) {
            warnings.accept("Could not read the reload history of this run from " + file.get() + " ("
                    + FailureText.of(e) + "); generations are numbered from 1 again and the history starts empty.");
            return Past.NONE;
        }
    }

    /** Replaces the file in one step, so a server killed meanwhile leaves the previous one whole. */
    void write(int lastGeneration, List<HistoryEntry> entries) {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        try {
            AtomicText.write(target, Json.GSON.toJson(new Past(lastGeneration, entries)));
        } catch (IOException e) {
            warnings.accept("Could not keep the reload history in " + target + " (" + e
                    + "); a server restarted after a crash would number generations from 1 again.");
        }
    }
}
