package dev.wavecraft.protocol.control;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.json.Json;
import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The control channel's messages between the mojo and the server: one JSON object a line, its
 * {@code type} the record's simple name. Both sides use these records, so they cannot drift.
 */
public final class ControlMessages {

    private ControlMessages() {
    }

    /** First line from the mojo: the per-run secret it gave the server through its standard input. */
    public record Hello(String secret) {
    }

    public record BuildStarted(List<String> files, String trigger) {
    }

    public record BuildFailed(BuildReport report, List<Diagnostic> diagnostics, String output) {
    }

    public record BuildSkipped(List<String> files) {
    }

    /** Reload from the classes now on disk; answered by a {@link Reloaded} with the same id. */
    public record Reload(long id, List<String> classesDirectories, List<String> dependencies, BuildReport report) {

        /** A reload of {@code classpath}; the client gives it its id. */
        public static Reload of(ProjectClasspath classpath, BuildReport report) {
            return new Reload(0, strings(classpath.classesDirectories()), strings(classpath.dependencies()), report);
        }

        public ProjectClasspath classpath() {
            return new ProjectClasspath(paths(classesDirectories), paths(dependencies));
        }

        /** The same reload under the id {@code id}. */
        public Reload withId(long id) {
            return new Reload(id, classesDirectories, dependencies, report);
        }

        private static List<String> strings(List<Path> paths) {
            return paths.stream().map(Path::toString).collect(Collectors.toList());
        }

        private static List<Path> paths(List<String> strings) {
            return strings.stream().map(Path::of).collect(Collectors.toList());
        }
    }

    /**
     * The outcome of a {@link Reload}; on failure {@code stage} and {@code message} say why.
     *
     * @param heard whether the audio thread took the new generation up within a few block periods;
     *     a loaded generation is not heard while that thread is stuck in {@code process()}
     * @param stageChange the stages of a signal chain added or removed; {@link StageChange#NONE} when
     *     neither generation is a chain, and on failure
     */
    public record Reloaded(long id, boolean ok, int generation, LayoutChange change, long reloadMs, String stage,
            String message, boolean heard, StageChange stageChange) {

        public Reloaded {
            stageChange = stageChange == null ? StageChange.NONE : stageChange;
        }
    }

    /** Files of the user's UI folder changed, as URL paths under {@code /ui/}. */
    public record UiChanged(List<String> files) {
    }

    /** A browser asked for a rebuild (triggerReload). */
    public record BuildRequested() {
    }

    /** Auto-reload was switched on or off (by a browser, or on again by a build after a crash). */
    public record AutoReload(boolean enabled) {
    }

    /** A generation kept crashing and was rolled back: auto-reload waits for the next successful build. */
    public record AutoReloadPaused(String reason) {
    }

    /** Every parameter value, sent by the server on connect and after each change. */
    public record CurrentValues(Map<String, Double> values) {
    }

    /** Values to set again in a server started after its predecessor crashed. */
    public record RestoreValues(Map<String, Double> values) {
    }

    /** Stop the server (the stop goal). */
    public record Stop() {
    }

    public static String encode(Object message) {
        JsonObject object = Json.GSON.toJsonTree(message).getAsJsonObject();
        object.addProperty("type", message.getClass().getSimpleName());
        return Json.GSON.toJson(object);
    }

    /** @throws JsonParseException when the line is not a JSON object with a string {@code type} */
    public static Decoded decode(String line) {
        JsonObject object = Json.parseStrict(line).getAsJsonObject();
        if (!object.has("type") || !object.get("type").isJsonPrimitive()) {
            throw new JsonParseException("a control message needs a string 'type'");
        }
        return new Decoded(object.get("type").getAsString(), object);
    }

    /** A received message: its type, and its fields for {@link #as}. */
    public record Decoded(String type, JsonObject body) {

        public boolean is(Class<?> messageType) {
            return messageType.getSimpleName().equals(type);
        }

        public <T> T as(Class<T> messageType) {
            return Json.GSON.fromJson(body, messageType);
        }
    }
}
