package dev.wavecraft.maven.bench;

import static dev.wavecraft.devserver.testing.Waits.waitFor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.maven.it.BackgroundMaven;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One {@code wavecraft:run} in a project, with a browser-like WebSocket client, edited series by
 * series. Each edit is timed from the file write to the notification that shows it, and paired
 * with the reload history entry the server made for it.
 */
final class DevSession implements AutoCloseable {

    static final Duration WAIT = Duration.ofMinutes(3);
    /**
     * The pace of a developer who looks at the result before the next save; saves closer together
     * are a run of saves, which the watcher coalesces on purpose.
     */
    private static final Duration EDIT_PACE = Duration.ofMillis(500);

    /** Writes the {@code i}th edit of a series. */
    interface Edit {
        void write(int i) throws IOException;
    }

    private final BackgroundMaven maven;
    private final RpcTestClient browser;
    private final JsonObject audioAtStart;
    private int editsMade;

    private DevSession(BackgroundMaven maven, RpcTestClient browser) {
        this.maven = maven;
        this.browser = browser;
        this.audioAtStart = audioStatus();
    }

    /** Starts {@code wavecraft:run} in {@code root} with {@code options} and waits for "Watching". */
    static DevSession start(Path root, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add("wavecraft:run");
        arguments.add("-Dwavecraft.port=0");
        BackgroundMaven maven = BackgroundMaven.start(root, arguments.toArray(String[]::new));
        try {
            return new DevSession(maven, RpcTestClient.connect(maven.awaitWatching(WAIT)));
        } catch (RuntimeException | Error e) {
            maven.close();
            throw e;
        }
    }

    /**
     * Makes {@code edits} edits, each timed until {@code notification} arrives, as row {@code name}.
     * Edit numbers continue across series, so every edit differs from all before it.
     */
    Measured measure(String name, int edits, String notification, Edit edit) throws Exception {
        List<Long> times = new ArrayList<>();
        List<JsonObject> history = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            Thread.sleep(EDIT_PACE.toMillis());
            int entriesBefore = historyCount();
            browser.drain();
            long start = System.nanoTime();
            edit.write(++editsMade);
            browser.notification(notification, WAIT);
            times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            history.add(newestEntryAfter(entriesBefore));
        }
        return new Measured(name, times, history);
    }

    /**
     * The entry the server adds to its history once it has notified (a moment after the
     * notification), found by its counters: the history itself keeps only the latest entries.
     */
    private JsonObject newestEntryAfter(int countBefore) {
        waitFor("the reload history entry of the edit", WAIT).until(this::historyCount, now -> now > countBefore);
        JsonArray entries = browser.call("getReloadHistory", null).getAsJsonObject("result").getAsJsonArray("entries");
        return entries.get(0).getAsJsonObject(); // newest first
    }

    /** How many entries the history has had: every reload and every failed build or reload makes one. */
    private int historyCount() {
        JsonObject stats = browser.call("getReloadStatus", null).getAsJsonObject("result").getAsJsonObject("stats");
        return stats.get("reloads").getAsInt() + stats.get("failed").getAsInt();
    }

    /** What the reloads so far cost the audio, from the engine's counters. */
    String audioCost() {
        return audioCost("these reloads", audioAtStart);
    }

    /** What the audio engine's counters moved by since {@code before} (an {@link #audioStatus}), for {@code what}. */
    String audioCost(String what, JsonObject before) {
        JsonObject now = audioStatus();
        return String.format(Locale.ROOT, "Audio across %s: %d dropped blocks, %d late blocks (%d caused by"
                + " a swap), largest lateness %.1f ms since start, %d crossfades", what,
                delta(now, before, "dropped_blocks"), delta(now, before, "deadline_misses"),
                delta(now, before, "swap_deadline_misses"), now.get("max_lateness_ms").getAsDouble(),
                delta(now, before, "crossfades"));
    }

    private static long delta(JsonObject now, JsonObject before, String counter) {
        return now.get(counter).getAsLong() - before.get(counter).getAsLong();
    }

    /** getAudioStatus's status object. */
    JsonObject audioStatus() {
        return call("getAudioStatus", null).getAsJsonObject("status");
    }

    /** The result of {@code method} called over the session's WebSocket with {@code params} (JSON, or null). */
    JsonObject call(String method, String params) {
        JsonObject reply = browser.call(method, params == null ? null : JsonParser.parseString(params));
        if (!reply.has("result")) {
            throw new IllegalStateException(method + " " + params + " failed: " + reply);
        }
        return reply.getAsJsonObject("result");
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            maven.close();
        }
    }
}
