package dev.wavecraft.devserver.reload;

import java.util.List;
import java.util.Map;

/**
 * One build or reload, with the time each stage took: detection plus debounce, build, reload
 * (snapshot, load, validate, swap) and notify; {@code totalMs} is their sum. {@code audio} holds
 * the audio engine's counters when the entry was made (dropped blocks, late blocks, those caused by
 * a swap, crossfades), so consecutive entries show what a reload cost the audio.
 */
public record HistoryEntry(
        int generation,
        String at,
        String outcome,
        String trigger,
        List<String> files,
        long detectMs,
        long buildMs,
        long reloadMs,
        long notifyMs,
        long totalMs,
        List<String> added,
        List<String> removed,
        String error,
        Map<String, Number> audio) {

    public static final String RELOADED = "reloaded";
    public static final String BUILD_FAILED = "buildFailed";
    public static final String RELOAD_FAILED = "reloadFailed";
    public static final String ROLLED_BACK = "rolledBack";
}
