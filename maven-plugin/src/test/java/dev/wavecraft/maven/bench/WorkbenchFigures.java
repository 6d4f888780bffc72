package dev.wavecraft.maven.bench;

import static dev.wavecraft.devserver.testing.Waits.waitFor;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Locale;

/**
 * The workbench's figures in one {@code wavecraft:run} of the example as shipped: the CPU per block
 * of its processor (getAudioStatus's {@code cpu}, p50 and p99 as shares of the block period) with
 * compare off and on, then compare on across reloads at the usual pace, with what the audio
 * engine's counters say of them.
 */
final class WorkbenchFigures {

    /** What compare reads for a generation it does not hear yet (the server's floor). */
    private static final double SILENT_DB = -200;
    private static final Duration POLL = Duration.ofMillis(250);

    private final DevSession session;

    WorkbenchFigures(DevSession session) {
        this.session = session;
    }

    /**
     * The CPU per block over a full window of the status's figures with compare off, and again
     * with compare on (left on).
     */
    String cpuPerBlock() {
        JsonObject off = cpuOfBlocksFromNow();
        compareOn();
        JsonObject on = cpuOfBlocksFromNow();
        JsonObject status = session.audioStatus();
        double periodMs = 1000.0 * status.get("buffer_size").getAsInt() / status.get("sample_rate").getAsInt();
        return String.format(Locale.ROOT, "CPU per block of the example, as shares of the %.1f ms block period over"
                + " the last %d ms: compare off: %s; compare on: %s, %s", periodMs, off.get("window_ms").getAsLong(),
                shares("B", off.getAsJsonObject("b")), shares("B", on.getAsJsonObject("b")), generationA(on));
    }

    /** Compare switched on over the WebSocket, once A is heard beside B. */
    void compareOn() {
        session.call("setCompare", "{\"enabled\":true}");
        JsonObject view = waitFor("generation A heard beside B, or compare off", DevSession.WAIT)
                .until(() -> session.call("getCompare", null), now -> !now.get("enabled").getAsBoolean()
                        || now.getAsJsonObject("levels").get("a_rms_db").getAsDouble() > SILENT_DB);
        if (!view.get("enabled").getAsBoolean()) {
            throw new IllegalStateException("Compare turned itself off: " + view.get("stoppedBecause"));
        }
    }

    /** Whether compare is still on after what was measured, and between which generations. */
    String compareState() {
        JsonObject view = session.call("getCompare", null);
        return view.get("enabled").getAsBoolean()
                ? "compare still on, A = generation " + view.get("a") + " beside B = generation " + view.get("b")
                : "compare turned itself off: " + view.get("stoppedBecause");
    }

    /**
     * The status's {@code cpu} once its window holds only blocks played from now on: the figures
     * cover the last {@code cpu.blocks} blocks, so as many must have been played since (which also
     * leaves the start-up's blocks out). Polled slowly, so the polling costs the server little.
     */
    private JsonObject cpuOfBlocksFromNow() {
        long mark = session.audioStatus().get("blocks_processed").getAsLong();
        return waitFor("a window of CPU figures of blocks played from now on", DevSession.WAIT)
                .pollInterval(POLL)
                .until(session::audioStatus, now -> now.get("blocks_processed").getAsLong() - mark
                        >= now.getAsJsonObject("cpu").get("blocks").getAsLong())
                .getAsJsonObject("cpu");
    }

    /**
     * A's figures: the status's {@code cpu.a} where the server reports it, otherwise getCompare's
     * {@code cpu.a}, a mean over its last readings.
     */
    private String generationA(JsonObject cpu) {
        if (cpu.has("a") && cpu.get("a").isJsonObject()) {
            return shares("A", cpu.getAsJsonObject("a"));
        }
        double a = session.call("getCompare", null).getAsJsonObject("cpu").get("a").getAsDouble();
        return String.format(Locale.ROOT, "A %.2f %% (getCompare's mean; the status has no cpu.a)", 100 * a);
    }

    private static String shares(String generation, JsonObject figures) {
        return String.format(Locale.ROOT, "%s p50 %.2f %%, p99 %.2f %%", generation,
                100 * figures.get("p50").getAsDouble(), 100 * figures.get("p99").getAsDouble());
    }
}
