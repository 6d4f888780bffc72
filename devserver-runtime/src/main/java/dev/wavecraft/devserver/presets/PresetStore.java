package dev.wavecraft.devserver.presets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.wavecraft.protocol.files.AtomicText;
import dev.wavecraft.protocol.json.Json;
import dev.wavecraft.protocol.options.PresetName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The presets of one folder, each {@code <name>.json}, indented so a person can read and diff it:
 * <pre>
 * { "name": "Warm", "savedAt": "2026-12-06T14:32:15Z", "processor": "com.example.Gain",
 *   "values": { "drive": 6.0, "curve": 1.0 } }
 * </pre>
 * Names are checked by {@link PresetName} before they reach the file system; files are written
 * whole or not at all.
 */
public final class PresetStore {

    private static final String SUFFIX = ".json";

    private final Path directory;

    public PresetStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The presets in the folder by name; a file that cannot be read is listed with its modification time. */
    public List<Listed> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Listed> listed = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(SUFFIX) || fileName.startsWith(".")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                listed.add(new Listed(name, savedAt(file)));
            }
        }
        listed.sort(Comparator.comparing(Listed::name, String.CASE_INSENSITIVE_ORDER));
        return listed;
    }

    /** A preset's name and when it was saved. */
    public record Listed(String name, Instant savedAt) {
    }

    /**
     * Saves (or replaces) the preset {@code name}.
     *
     * @param values by id, in the order they are written
     * @throws IllegalArgumentException when the name is not file-name safe
     */
    public Preset save(String name, String processor, Map<String, Double> values, Instant now) throws IOException {
        Preset preset = new Preset(PresetName.check(name), now, processor, new LinkedHashMap<>(values));
        JsonObject json = new JsonObject();
        json.addProperty("name", preset.name());
        json.addProperty("savedAt", preset.savedAt().toString());
        json.addProperty("processor", processor);
        json.add("values", Json.GSON.toJsonTree(preset.values()));
        AtomicText.write(file(name), Json.PRETTY.toJson(json) + "\n");
        return preset;
    }

    /**
     * @throws PresetNotFoundException naming the presets that exist
     * @throws IOException naming the file and what is wrong with it
     * @throws IllegalArgumentException when the name is not file-name safe
     */
    public Preset load(String name) throws IOException, PresetNotFoundException {
        Path file = file(PresetName.check(name));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw notFound(name);
        }
        try {
            JsonObject json = Json.parseStrict(text).getAsJsonObject();
            return new Preset(name, savedAt(json, file), string(json, "processor"), values(json));
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException("The preset " + file + " is not a preset file (" + e.getMessage() + "). Fix it or"
                    + " save the preset again.", e);
        }
    }

    /** @throws PresetNotFoundException naming the presets that exist */
    public void delete(String name) throws IOException, PresetNotFoundException {
        if (!Files.deleteIfExists(file(PresetName.check(name)))) {
            throw notFound(name);
        }
    }

    private Path file(String name) {
        return directory.resolve(name + SUFFIX);
    }

    private PresetNotFoundException notFound(String name) throws IOException {
        List<Listed> existing = list();
        String names = existing.isEmpty() ? "there are none yet"
                : "there are " + existing.stream().map(listed -> "'" + listed.name() + "'")
                        .collect(Collectors.joining(", "));
        return new PresetNotFoundException("No preset named '" + name + "' in " + directory + ": " + names);
    }

    private static Map<String, Double> values(JsonObject json) {
        JsonElement values = json.get("values");
        if (values == null || !values.isJsonObject()) {
            throw new JsonParseException("it has no \"values\" object");
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> value : values.getAsJsonObject().entrySet()) {
            JsonElement element = value.getValue();
            boolean number = element instanceof JsonPrimitive primitive && primitive.isNumber();
            result.put(value.getKey(), number ? element.getAsDouble() : null);
        }
        return result;
    }

    private static Instant savedAt(Path file) throws IOException {
        try {
            JsonObject json = Json.parseStrict(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return savedAt(json, file);
        } catch (JsonParseException | IllegalStateException e) {
            return Files.getLastModifiedTime(file).toInstant();
        }
    }

    /** The time the file says it was saved, else its modification time (a preset written by hand). */
    private static Instant savedAt(JsonObject json, Path file) throws IOException {
        String text = string(json, "savedAt");
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // Written by hand: the file's own time says as much.
            }
        }
        return Files.getLastModifiedTime(file).toInstant();
    }

    private static String string(JsonObject json, String member) {
        JsonElement element = json.get(member);
        return element instanceof JsonPrimitive primitive && primitive.isString() ? primitive.getAsString() : null;
    }
}
