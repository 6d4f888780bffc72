package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Interaction;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * The keyboard panel in a real headless Chromium against the real WebSocket of a stub that records
 * the notes the page sends (noteOn, noteOff, midiMessage): mouse, touch and computer keys, what
 * lets go of held notes, and Web MIDI, absent, refused and stood in for by a fake device.
 */
class DashboardKeyboardTest {

    private static final double DEFAULT_VELOCITY = 100 / 127.0;
    /** How long a finger stays between two steps of a touch gesture. */
    private static final Duration HOLD = Duration.ofMillis(300);

    /** A Web MIDI of one input, "Fake Keys", that the test plays and plugs in and out through window.fakeMidi. */
    private static final String FAKE_MIDI = """
            (() => {
              const inputs = new Map();
              const listeners = [];
              const access = { inputs, outputs: new Map(), sysexEnabled: false,
                addEventListener: (type, listener) => { if (type === 'statechange') listeners.push(listener); } };
              const plug = (id, name) => {
                const port = { id, name, type: 'input', state: 'connected', onmidimessage: null };
                inputs.set(id, port);
                listeners.forEach((l) => l({ port }));
              };
              plug('fake-1', 'Fake Keys');
              window.fakeMidi = {
                asked: 0,
                plug,
                unplug: (id) => { const port = inputs.get(id); port.state = 'disconnected'; inputs.delete(id);
                                  listeners.forEach((l) => l({ port })); },
                send: (id, bytes) => inputs.get(id).onmidimessage?.({ data: new Uint8Array(bytes) }),
              };
              Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', { configurable: true,
                value: async (options) => { window.fakeMidi.asked++; window.fakeMidi.options = options; return access; } });
            })();""";

    @TempDir
    Path profile;

    private StubServer server;
    private HeadlessChromium page;

    @BeforeEach
    void start() throws Exception {
        JsonElement none = Json.parseStrict("{}");
        server = new StubServer(Map.of("noteOn", none, "noteOff", none, "midiMessage", none));
        page = HeadlessChromium.start(profile);
    }

    @AfterEach
    void stop() {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void pressingAKeyWithTheMouseSendsNoteOnAtTheChosenVelocityAndReleasingItSendsNoteOff() {
        open();
        new Actions(page.driver()).clickAndHold(key(60)).perform();

        JsonObject on = awaitReceived("noteOn", 1).get(0).getAsJsonObject();
        assertThat(on.get("note").getAsInt()).isEqualTo(60);
        assertThat(on.get("velocity").getAsDouble()).isCloseTo(DEFAULT_VELOCITY, within(1e-9));
        assertThat(pressed(60)).isTrue();
        assertThat(text("keyboard-held")).isEqualTo("C4");

        new Actions(page.driver()).release().perform();
        assertThat(awaitReceived("noteOff", 1).get(0)).isEqualTo(Json.parseStrict("{\"note\": 60}"));
        page.await("the key shown released", d -> !pressed(60));

        page.script("const v = document.getElementById('velocity'); v.value = 127; v.dispatchEvent(new Event('input'))");
        new Actions(page.driver()).click(key(62)).perform();
        assertThat(awaitReceived("noteOn", 2).get(1).getAsJsonObject().get("velocity").getAsDouble()).isEqualTo(1.0);
        assertThat(text("velocity-value")).isEqualTo("127");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void glidingAcrossTheKeysWithTheButtonDownMovesTheNoteAndLeavingTheKeysLetsGo() {
        open();
        new Actions(page.driver()).clickAndHold(key(60)).moveToElement(key(61)).moveToElement(key(62)).perform();

        assertThat(notes(awaitReceived("noteOn", 3))).containsExactly(60, 61, 62);
        assertThat(notes(awaitReceived("noteOff", 2))).containsExactly(60, 61);
        assertThat(pressed(62)).isTrue();
        assertThat(pressed(60)).isFalse();

        // Off the keys with the button still down (the keyboard holds the pointer): the note ends.
        new Actions(page.driver()).moveToElement(page.driver().findElement(By.id("keyboard-heading"))).perform();
        assertThat(notes(awaitReceived("noteOff", 3))).containsExactly(60, 61, 62);
        new Actions(page.driver()).release().perform();
        assertThat(server.received("noteOn")).hasSize(3);
    }

    @Test
    void twoFingersPlayAChordAndEachReleasesItsOwnNote() {
        open();
        page.script("""
                window.mostHeld = 0;
                new MutationObserver(() => { window.mostHeld = Math.max(window.mostHeld,
                    document.querySelectorAll('#piano [aria-pressed=true]').length); })
                  .observe(document.getElementById('piano'), { subtree: true, attributes: true });""");
        // Both fingers down, then the second lifts, then the first (one tick each, both fingers at once).
        PointerInput first = new PointerInput(PointerInput.Kind.TOUCH, "finger1");
        PointerInput second = new PointerInput(PointerInput.Kind.TOUCH, "finger2");
        Sequence firstFinger = touchDown(first, key(60)).addAction(new Pause(first, HOLD)).addAction(new Pause(first, HOLD))
                .addAction(touchUp(first));
        Sequence secondFinger = touchDown(second, key(64)).addAction(new Pause(second, HOLD)).addAction(touchUp(second))
                .addAction(new Pause(second, HOLD));
        ((Interactive) page.driver()).perform(List.of(firstFinger, secondFinger));

        assertThat(notes(awaitReceived("noteOn", 2))).containsExactlyInAnyOrder(60, 64);
        assertThat(notes(awaitReceived("noteOff", 2))).as("each finger let go of its own note").containsExactly(64, 60);
        assertThat(page.script("return window.mostHeld")).as("keys shown down at once").isEqualTo(2L);
        assertThat(pressed(60) || pressed(64)).isFalse();
    }

    @Test
    void computerKeysPlayFromTheLowestCIgnoringAutoRepeatAndZAndXShiftTheOctave() {
        open();
        assertThat(text("keyboard-range")).isEqualTo("C3–C5");
        new Actions(page.driver()).keyDown("a").perform();
        assertThat(notes(awaitReceived("noteOn", 1))).containsExactly(48);
        page.script("window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyA', key: 'a', repeat: true }))");
        new Actions(page.driver()).keyDown("w").keyUp("w").perform();
        assertThat(notes(awaitReceived("noteOff", 1))).as("auto-repeat plays nothing").containsExactly(49);
        assertThat(notes(server.received("noteOn"))).containsExactly(48, 49);

        // Up an octave while A is held: A's release still ends the note A started.
        new Actions(page.driver()).sendKeys("x").perform();
        page.await("the range an octave up", d -> text("keyboard-range").equals("C4–C6"));
        new Actions(page.driver()).keyUp("a").perform();
        assertThat(notes(awaitReceived("noteOff", 2))).containsExactly(49, 48);
        new Actions(page.driver()).sendKeys("k").perform();
        assertThat(notes(awaitReceived("noteOff", 3))).containsExactly(49, 48, 72);

        new Actions(page.driver()).sendKeys("zz").perform();
        page.await("the range two octaves down", d -> text("keyboard-range").equals("C2–C4"));
    }

    @Test
    void computerKeysTypeIntoATextFieldInsteadOfPlaying() {
        open();
        page.script("const f = document.createElement('input'); f.id = 'scratch'; document.body.append(f); f.focus()");
        new Actions(page.driver()).sendKeys("asdx").perform();
        page.await("the text typed", d -> "asdx".equals(d.findElement(By.id("scratch")).getAttribute("value")));
        assertThat(text("keyboard-range")).isEqualTo("C3–C5");

        page.script("document.getElementById('computer-keys').click(); document.getElementById('scratch').remove();"
                + " document.getElementById('piano').scrollIntoView({ block: 'center' })");
        new Actions(page.driver()).sendKeys("a").perform();
        new Actions(page.driver()).click(key(50)).perform();
        assertThat(notes(awaitReceived("noteOn", 1))).as("only the click, with computer keys off").containsExactly(50);
    }

    @Test
    void heldNotesAreLetGoWhenTheWindowLosesFocusAndLocallyWhenTheConnectionDrops() {
        open();
        new Actions(page.driver()).keyDown("a").keyDown("d").perform();
        awaitReceived("noteOn", 2);
        page.script("window.dispatchEvent(new Event('blur'))");
        assertThat(notes(awaitReceived("noteOff", 2))).containsExactlyInAnyOrder(48, 52);
        assertThat(pressed(48) || pressed(52)).isFalse();
        new Actions(page.driver()).keyUp("a").keyUp("d").perform();

        new Actions(page.driver()).clickAndHold(key(55)).perform();
        awaitReceived("noteOn", 3);
        page.script("window.wavecraft.client.close()");
        page.await("the key shown released", d -> !pressed(55));
        assertThat(text("keyboard-held")).isEmpty();
        new Actions(page.driver()).release().perform();
    }

    @Test
    void withoutWebMidiThePanelSaysSoInASentence() {
        page.beforeEachDocument("Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', "
                + "{ configurable: true, value: undefined })");
        open();
        assertThat(page.driver().findElement(By.id("midi-enable")).isDisplayed()).isFalse();
        assertThat(attribute("midi", "data-midi")).isEqualTo("unavailable");
        assertThat(text("midi-status")).isEqualTo("This browser has no Web MIDI, so MIDI devices cannot play here;"
                + " the on-screen keyboard and the computer keys still can.");
    }

    @Test
    void aRefusedMidiPermissionIsSaidInASentenceAndCanBeAskedAgain() {
        page.beforeEachDocument("Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', { configurable: true,"
                + " value: () => Promise.reject(new DOMException('Permission denied', 'SecurityError')) })");
        open();
        page.driver().findElement(By.id("midi-enable")).click();
        page.await("the refusal", d -> "refused".equals(attribute("midi", "data-midi")));
        assertThat(text("midi-status")).isEqualTo("The browser refused MIDI access (Permission denied);"
                + " allow MIDI for this page in the site settings, then try again.");
        assertThat(page.driver().findElement(By.id("midi-enable")).isEnabled()).isTrue();
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void aMidiDeviceReachesTheServerAsMidiMessagesWithoutClockAndItsNotesShowPressed() {
        page.beforeEachDocument(FAKE_MIDI);
        open();
        assertThat(page.script("return window.fakeMidi.asked")).as("no permission asked before the click").isEqualTo(0L);
        page.driver().findElement(By.id("midi-enable")).click();
        page.await("MIDI on", d -> "on".equals(attribute("midi", "data-midi")));
        assertThat(text("midi-status")).isEqualTo("MIDI input on: 1 device (Fake Keys).");
        assertThat(page.script("return window.fakeMidi.options.sysex")).isEqualTo(false);

        page.script("""
                fakeMidi.send('fake-1', [0xF8]);
                fakeMidi.send('fake-1', [0xFE]);
                fakeMidi.send('fake-1', [0x90, 60, 100]);
                fakeMidi.send('fake-1', [0xB0, 1, 64]);""");
        assertThat(awaitReceived("midiMessage", 2)).containsExactly(
                Json.parseStrict("{\"data\": [144, 60, 100]}"), Json.parseStrict("{\"data\": [176, 1, 64]}"));
        page.await("the device's note shown pressed", d -> pressed(60));

        page.script("fakeMidi.plug('fake-2', 'Pads')");
        page.await("the second device", d -> text("midi-status").equals("MIDI input on: 2 devices (Fake Keys, Pads)."));
        page.script("fakeMidi.send('fake-2', [0x99, 62, 90]); fakeMidi.send('fake-2', [0x89, 62, 0])");
        assertThat(awaitReceived("midiMessage", 4).subList(2, 4)).containsExactly(
                Json.parseStrict("{\"data\": [153, 62, 90]}"), Json.parseStrict("{\"data\": [137, 62, 0]}"));

        // Unplugged with C4 down: nothing would ever release it but the page.
        page.script("fakeMidi.unplug('fake-1')");
        assertThat(awaitReceived("midiMessage", 5).get(4)).isEqualTo(Json.parseStrict("{\"data\": [128, 60, 0]}"));
        page.await("the note let go", d -> !pressed(60));
        assertThat(text("midi-status")).isEqualTo("MIDI input on: 1 device (Pads).");
        assertThat(attribute("midi", "data-inputs")).isEqualTo("1");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    private void open() {
        page.open(server.url());
        page.await("the keyboard enabled", d -> "true".equals(attribute("keyboard-panel", "data-connected")));
        page.script("document.getElementById('piano').scrollIntoView({ block: 'center' })"); // below the window's first screen
    }

    private List<JsonElement> awaitReceived(String method, int count) {
        List<JsonElement> received = page.await(count + " " + method, d -> {
            List<JsonElement> now = server.received(method);
            return now.size() >= count ? now : null;
        });
        assertThat(received).as(method).hasSize(count);
        return received;
    }

    private static List<Integer> notes(List<JsonElement> received) {
        return received.stream().map(p -> p.getAsJsonObject().get("note").getAsInt()).toList();
    }

    private Sequence touchDown(PointerInput finger, WebElement key) {
        Point centre = centreOf(key);
        return new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), centre.x, centre.y))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
    }

    private static Interaction touchUp(PointerInput finger) {
        return finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg());
    }

    private Point centreOf(WebElement element) {
        List<?> xy = (List<?>) page.script("const r = arguments[0].getBoundingClientRect();"
                + " return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]", element);
        return new Point(((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue());
    }

    private WebElement key(int note) {
        return page.driver().findElement(By.cssSelector("#piano [data-note='" + note + "']"));
    }

    private boolean pressed(int note) {
        return "true".equals(key(note).getAttribute("aria-pressed"));
    }

    private String text(String id) {
        return page.driver().findElement(By.id(id)).getText();
    }

    private String attribute(String id, String name) {
        return page.driver().findElement(By.id(id)).getAttribute(name);
    }
}
