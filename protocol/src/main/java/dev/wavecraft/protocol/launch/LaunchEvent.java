package dev.wavecraft.protocol.launch;

import com.google.gson.JsonParseException;
import dev.wavecraft.protocol.json.Json;
import java.util.Optional;

/**
 * What a forked runtime JVM tells the mojo, as one line on its standard output: the dev server
 * {@code ready} with the URL, a render {@code rendered} with a summary, or either {@code failed}
 * with a problem name and a message for the user.
 *
 * @param url the address to open on this machine, without the access token
 * @param token the access token every request needs, when the server listens beyond loopback; it
 *     travels only in this line, on the pipe to the mojo, which prints it once
 * @param message what to tell the user: why it failed, or what was rendered
 * @param detail extra text for {@code -e} runs, such as the user's stack trace
 */
public record LaunchEvent(
        String event,
        String url,
        String token,
        Integer port,
        Integer controlPort,
        Long pid,
        String processor,
        Integer parameters,
        String problem,
        String message,
        String detail) {

    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String RENDERED = "rendered";

    /** Marks the line among the server's other output. */
    static final String PREFIX = "@wavecraft-launch ";

    public static LaunchEvent ready(String url, int port, int controlPort, long pid, String processor,
            int parameters, Optional<String> token) {
        return new LaunchEvent(READY, url, token.orElse(null), port, controlPort, pid, processor, parameters, null,
                null, null);
    }

    public static LaunchEvent failed(String problem, String message, String detail) {
        return new LaunchEvent(FAILED, null, null, null, null, ProcessHandle.current().pid(), null, null, problem,
                message, detail);
    }

    /** A finished render: by which processor, and a line saying what was written. */
    public static LaunchEvent rendered(String processor, String summary) {
        return new LaunchEvent(RENDERED, null, null, null, null, ProcessHandle.current().pid(), processor, null, null,
                summary, null);
    }

    /** The address to open in a browser: the URL, with the access token when the server requires one. */
    public String urlWithToken() {
        return token == null ? url : url + "?token=" + token;
    }

    public boolean isReady() {
        return READY.equals(event);
    }

    public boolean isRendered() {
        return RENDERED.equals(event);
    }

    public String toLine() {
        return PREFIX + Json.GSON.toJson(this);
    }

    /** The event on this output line, or empty for any other line. */
    public static Optional<LaunchEvent> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.GSON.fromJson(line.substring(PREFIX.length()), LaunchEvent.class));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
