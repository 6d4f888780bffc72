package dev.wavecraft.devserver.audio;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** noteOn, noteOff and midiMessage over a real WebSocket, played by the synth example compiled for real. */
class LiveNotesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "live-notes-secret";
    private static final int BLOCK = 512;
    private static final double SOUNDING = 0.05;

    @TempDir
    Path project;

    private DevServer server;
    private RpcTestClient browser;

    @BeforeEach
    void start() throws Exception {
        Path classpathFile = CompiledProject.example("synth", project).classpathFile();
        server = DevServer.start(new DevServerOptions(classpathFile)
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(BLOCK, InputSpec.silence(), false, 0)), SECRET, () -> { });
        browser = RpcTestClient.connect(server.port());
    }

    @AfterEach
    void stop() throws IOException {
        browser.close();
        server.close();
    }

    @Test
    void playsANoteOnInTheBlockThatTookItWithinABlockOfTheReply() {
        AudioEngine engine = server.audio();
        browser.call("setParameter", RpcTestClient.valueParams("release", 5));
        long[] latencies = new long[8];
        for (int i = 0; i < latencies.length; i++) {
            awaitSilence();
            NoteCounts before = engine.noteCounts();
            long sent = System.nanoTime();

            JsonObject reply = browser.call("noteOn", note(60 + i, 0.8));
            long blocksAtReply = engine.counters().blocks();

            assertThat(reply.getAsJsonObject("result")).isEqualTo(new JsonObject());
            NoteCounts heard = waitFor("the block that took note " + i, WAIT)
                    .until(engine::noteCounts, counts -> counts.lastNoteBlock() > before.lastNoteBlock());
            assertThat(heard.taken()).isEqualTo(before.taken() + 1);
            // In the inbox before the reply: taken by the block under way, or else by the next.
            assertThat(heard.lastNoteBlock()).as("the block that took it (%d blocks done at the reply)", blocksAtReply)
                    .isLessThanOrEqualTo(blocksAtReply + 1);
            assertThat(heard.peakOfLastNoteBlock()).as("the output peak of the block that took it")
                    .isGreaterThan((float) SOUNDING);
            latencies[i] = (nanosUntilMeter(peak -> peak > SOUNDING) - sent) / 1_000;
            browser.call("noteOff", note(60 + i));
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "noteOn sent to the meter showing it (block %d frames = %.1f ms, meter window"
                + " ~33 ms): min %.1f ms, median %.1f ms, max %.1f ms over %d notes%n", BLOCK, BLOCK / 48.0,
                latencies[0] / 1000.0, latencies[latencies.length / 2] / 1000.0,
                latencies[latencies.length - 1] / 1000.0, latencies.length);
    }

    @Test
    void letsANoteDecayToSilenceAfterItsNoteOff() {
        browser.call("noteOn", note(69, 1));
        nanosUntilMeter(peak -> peak > SOUNDING);

        long released = System.nanoTime();
        browser.call("noteOff", note(69));

        awaitSilence();
        System.out.printf(Locale.ROOT, "noteOff to a silent meter with the default 300 ms release: %d ms%n",
                (System.nanoTime() - released) / 1_000_000);
    }

    @Test
    void acceptsValidMidiMessagesAndRefusesMalformedOnesSayingWhatIsWrong() {
        NoteCounts before = server.audio().noteCounts();
        // Note on, note off, note on at velocity 0, control change, all notes off, bend down, up and centred.
        List<String> noteEvents = List.of("[144,60,100]", "[128,60,0]", "[144,60,0]", "[176,7,100]", "[176,123,0]",
                "[224,0,0]", "[239,127,127]", "[224,0,64]");
        // Program change, channel and polyphonic aftertouch, song position, clock tick, active sensing.
        List<String> ignored = List.of("[192,5]", "[208,40]", "[160,60,10]", "[242,1,2]", "[248]", "[254]");
        for (String data : concat(noteEvents, ignored)) {
            assertThat(browser.call("midiMessage", json("{\"data\":" + data + "}")).get("result"))
                    .as("the reply to %s", data).isEqualTo(new JsonObject());
        }
        waitFor("the note events taken", WAIT).until(() -> server.audio().noteCounts().taken(),
                taken -> taken == before.taken() + noteEvents.size());
        assertThat(server.audio().noteCounts().queued()).isEqualTo(before.queued() + noteEvents.size());

        Map<String, String> malformed = new java.util.LinkedHashMap<>();
        malformed.put("{\"data\":[]}", "'data' must hold one MIDI message of 1 to 3 bytes, not 0");
        malformed.put("{\"data\":[144,60,100,1]}", "1 to 3 bytes, not 4 (system exclusive is not supported)");
        malformed.put("{\"data\":[60,100]}", "'data' must start with a status byte (128 to 255), not 60");
        malformed.put("{\"data\":[144,128,100]}", "'data[1]' is 128, but a data byte lies within 0 to 127");
        malformed.put("{\"data\":[144,60,200]}", "'data[2]' is 200");
        malformed.put("{\"data\":[144,60]}", "'data' is a note on (status 144), which has 3 bytes, not 2");
        malformed.put("{\"data\":[192,5,6]}", "'data' is a program change (status 192), which has 2 bytes, not 3");
        malformed.put("{\"data\":[248,1]}", "one-byte system message (status 248), which has 1 byte, not 2");
        malformed.put("{\"data\":[144,60.5,100]}", "'data[1]' must be a byte, a whole number from 0 to 255, not 60.5");
        malformed.put("{\"data\":[144,-1,100]}", "'data[1]' must be a byte");
        malformed.put("{\"data\":[256,0,0]}", "'data[0]' must be a byte");
        malformed.put("{\"data\":[\"144\",60,100]}", "'data[0]' must be a byte, a whole number from 0 to 255, not \"144\"");
        malformed.put("{\"data\":[null]}", "'data[0]' must be a byte");
        malformed.put("{\"data\":[240,1,247]}", "system exclusive message (240), which is not supported");
        malformed.put("{\"data\":\"90 3C 64\"}", "'data' must be an array");
        malformed.put("{}", "'data' is missing");
        malformed.forEach((params, message) -> assertInvalid("midiMessage", params, message));
        assertThat(server.audio().noteCounts().queued()).isEqualTo(before.queued() + noteEvents.size());
    }

    @Test
    void refusesNoteOnsAndOffsOutOfRangeSayingWhichParamAndWhy() {
        assertThat(browser.call("noteOn", json("{\"note\":60,\"velocity\":1,\"channel\":15}")).get("result"))
                .isEqualTo(new JsonObject());
        assertThat(browser.call("noteOff", json("{\"note\":60,\"channel\":15}")).get("result"))
                .isEqualTo(new JsonObject());
        assertInvalid("noteOn", "{\"note\":128,\"velocity\":1}", "'note' must be a whole number from 0 to 127, not 128");
        assertInvalid("noteOn", "{\"note\":60.5,\"velocity\":1}", "'note' must be a whole number from 0 to 127");
        assertInvalid("noteOn", "{\"note\":60,\"velocity\":1.5}", "'velocity' must lie within [0.0, 1.0], not 1.5");
        assertInvalid("noteOn", "{\"note\":60,\"velocity\":-0.1}", "'velocity' must lie within");
        assertInvalid("noteOn", "{\"note\":60,\"velocity\":1,\"channel\":16}", "'channel' must be a whole number from"
                + " 0 to 15, not 16");
        assertInvalid("noteOn", "{\"note\":60,\"velocity\":1,\"channel\":\"1\"}", "'channel' must be a number");
        assertInvalid("noteOn", "{\"note\":60}", "'velocity' is missing");
        assertInvalid("noteOff", "{}", "'note' is missing");
        assertInvalid("noteOff", null, "expected an object with 'note'");
    }

    @Test
    void survivesTenThousandRandomNoteMessagesAllocatingNothingOnTheAudioThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        long audioThread = threadNamed("wavecraft-audio").getId();
        Random random = new Random(17);
        // Warm-up, as AudioAllocationTest's: every kind of event once, then rounds of random ones until one
        // allocates nothing (at most five), so what happens once (class initialisation, compiled code that meets
        // a new path and is deoptimised, which measured 96 to 544 bytes in a first round) is not counted. An
        // allocation per event would show in every round and fail the test below. The steady state is what
        // must allocate nothing.
        send(new RandomNoteMessages(random).warmUp(), browser);
        for (int round = 0; round < 5; round++) {
            long start = threads.getThreadAllocatedBytes(audioThread);
            RandomNoteMessages warmUp = new RandomNoteMessages(random);
            List<String> warmUpFrames = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                warmUpFrames.add(warmUp.next(i));
            }
            send(warmUpFrames, browser);
            awaitAllTaken();
            if (threads.getThreadAllocatedBytes(audioThread) == start) {
                break;
            }
        }

        // A round of 10,000 must allocate nothing. The JVM itself may still allocate a few bytes on the audio
        // thread once, when it deoptimises code that meets a path its profile had not seen (96 bytes, in two CI
        // runs of three): a later round is then clean. An allocation of ours would show in every round.
        List<Long> rounds = new ArrayList<>();
        while (rounds.isEmpty() || rounds.get(rounds.size() - 1) != 0 && rounds.size() < 3) {
            rounds.add(floodAndCountAudioThreadBytes(random, threads, audioThread));
        }
        assertThat(rounds.get(rounds.size() - 1)).as("bytes allocated by the audio thread in a round of 10,000"
                + " random note messages, rounds %s", rounds).isZero();
        assertThat(server.audio().counters().processFailures()).isZero();
    }

    /**
     * Sends 10,000 random note messages (bad ones included), checks every reply, and returns the bytes
     * the audio thread allocated while it took them.
     */
    private long floodAndCountAudioThreadBytes(Random random, com.sun.management.ThreadMXBean threads,
            long audioThread) {
        long before = threads.getThreadAllocatedBytes(audioThread);
        long blocksBefore = server.audio().counters().blocks();
        RandomNoteMessages messages = new RandomNoteMessages(random);
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            frames.add(messages.next(i));
        }
        Map<String, JsonObject> replies = send(frames, browser);
        awaitAllTaken();
        long allocated = threads.getThreadAllocatedBytes(audioThread) - before;
        long blocks = server.audio().counters().blocks() - blocksBefore;

        assertThat(replies.keySet()).as("a reply for each request and none for a notification")
                .isEqualTo(messages.expectedErrors().keySet());
        messages.expectedErrors().forEach((id, invalid) -> assertThat(replies.get(id).has("error"))
                .as("whether %s was refused: %s", messages.sent(id), replies.get(id)).isEqualTo(invalid));
        replies.values().stream().filter(reply -> reply.has("error")).forEach(reply -> assertThat(
                reply.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602));
        assertThat(browser.call("ping", null).has("result")).as("a ping's reply after the flood").isTrue();
        NoteCounts counts = server.audio().noteCounts();
        System.out.printf(Locale.ROOT, "10,000 random note messages (%d refused): %d events queued, %d dropped,"
                + " audio thread allocated %d bytes over %d blocks%n", messages.refused(), counts.queued(),
                counts.dropped(), allocated, blocks);
        return allocated;
    }

    @Test
    void keepsAHeldNoteSoundingInTheGenerationAReloadSwapsIn() throws Exception {
        browser.call("noteOn", note(57, 1));
        nanosUntilMeter(peak -> peak > SOUNDING);
        long crossfades = server.audio().counters().crossfades();

        try (ControlClient control = ControlClient.connect(server.controlPort(), SECRET, message -> { })) {
            Reloaded reloaded = control.reload(new ControlMessages.Reload(0,
                    List.of(project.resolve("target/classes").toString()), List.of(),
                    new BuildReport(List.of("src/main/java/com/example/synth/Voice.java"), "change", 100, 900)), WAIT);
            assertThat(reloaded.ok()).as("the reload: %s", reloaded).isTrue();
        }

        waitFor("the crossfade to generation 2", WAIT).until(() -> server.audio().counters().crossfades(),
                done -> done > crossfades);
        assertThat(server.live().number()).isEqualTo(2);
        // The old generation is gone after a 10 ms crossfade: only the new one can be sounding now, and
        // for longer than the 300 ms release the old one would fade out with.
        long heardFrom = System.nanoTime();
        while (System.nanoTime() - heardFrom < Duration.ofMillis(500).toNanos()) {
            assertThat(server.audio().meterFrame().orElseThrow().peakL()).as("the held note after the reload")
                    .isGreaterThan((float) SOUNDING);
            Thread.onSpinWait();
        }
        browser.call("noteOff", note(57));
        awaitSilence();
    }

    @Test
    void letsGoOfTheNotesAClientHeldWhenItLeaves() {
        try (RpcTestClient leaving = RpcTestClient.connect(server.port())) {
            leaving.call("noteOn", note(64, 1));
            leaving.call("midiMessage", json("{\"data\":[145,67,100]}"));
            nanosUntilMeter(peak -> peak > SOUNDING);
        }
        awaitSilence();
    }

    @Test
    void keepsSoundingANoteAnotherClientStillHoldsWhenOneLeaves() {
        browser.call("noteOn", note(60, 1));
        long queued;
        try (RpcTestClient leaving = RpcTestClient.connect(server.port())) {
            leaving.call("noteOn", note(60, 1));
            leaving.call("noteOn", note(64, 1));
            nanosUntilMeter(peak -> peak > SOUNDING);
            queued = server.audio().noteCounts().queued();
        }
        waitFor("the leaving client's note offs taken", WAIT).until(() -> {
            NoteCounts counts = server.audio().noteCounts();
            return counts.queued() > queued && counts.taken() == counts.queued();
        });
        // Longer than the synth's 300 ms release: a note off for the key held here would have let it fade.
        long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < end) {
            assertThat(server.audio().meterFrame().orElseThrow().peakL()).as("the key this client still holds")
                    .isGreaterThan((float) SOUNDING);
            Thread.onSpinWait();
        }
        browser.call("noteOff", note(60));
        awaitSilence();
    }

    /** Sends the frames, then a ping; returns the replies by id, up to the ping's. */
    private static Map<String, JsonObject> send(List<String> frames, RpcTestClient client) {
        frames.forEach(client::send);
        client.send("{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"ping\"}");
        Map<String, JsonObject> replies = new HashMap<>();
        while (true) {
            JsonObject reply = JsonParser.parseString(client.nextReplyFrame()).getAsJsonObject();
            String id = reply.get("id").getAsString();
            if (id.equals("last")) {
                return replies;
            }
            replies.put(id, reply);
        }
    }

    private void awaitAllTaken() {
        waitFor("every queued note event taken", WAIT).until(server.audio()::noteCounts,
                counts -> counts.taken() == counts.queued());
    }

    private void awaitSilence() {
        waitFor("a silent meter", WAIT).until(() -> server.audio().meterFrame().map(MeterFrame::peakL).orElse(1f),
                peak -> peak == 0);
    }

    /** Polls the meter over the WebSocket, as a page does, until {@code wanted}; returns when it saw it. */
    private long nanosUntilMeter(java.util.function.DoublePredicate wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonElement frame = browser.call("getMeterFrame", null).getAsJsonObject("result").get("frame");
            if (frame.isJsonObject() && wanted.test(frame.getAsJsonObject().get("peak_l").getAsDouble())) {
                return System.nanoTime();
            }
        }
        throw new AssertionError("The meter did not show the note within " + WAIT);
    }

    private void assertInvalid(String method, String params, String message) {
        JsonObject error = browser.call(method, params == null ? null : json(params)).getAsJsonObject("error");
        assertThat(error).as("the error for %s %s", method, params).isNotNull();
        assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
        assertThat(error.get("message").getAsString()).as("the message for %s %s", method, params).contains(message);
    }

    private static JsonObject note(int note, double velocity) {
        JsonObject params = note(note);
        params.addProperty("velocity", velocity);
        return params;
    }

    private static JsonObject note(int note) {
        JsonObject params = new JsonObject();
        params.addProperty("note", note);
        return params;
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No thread named " + name));
    }
}
