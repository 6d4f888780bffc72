// The keyboard panel: two octaves and a C of on-screen keys, played with the mouse (press, glide
// across keys while the button is down, release), with fingers (each touch its own note, so
// chords work) and with the computer keys in the usual DAW layout (A W S E D F T G Y H U J K from
// the lowest C; Z and X shift the octave). Keys show pressed while this page or a MIDI device
// holds them. Every held note is let go when the window loses focus or is hidden, and locally
// when the connection drops, so nothing sticks. Keys carry data-note and aria-pressed.
import { $, h } from "./dom.js";
import { createNotePlayer } from "./notes.js";
import { createMidiInput } from "./midi.js";

const KEYS = 25;                       // C to C, two octaves
const LOWEST_C = 0, HIGHEST_C = 127 - (KEYS - 1) - ((127 - (KEYS - 1)) % 12);
const START_C = 48;                    // C3 (middle C is C4 = 60)
const NAMES = ["C", "C♯", "D", "D♯", "E", "F", "F♯", "G", "G♯", "A", "A♯", "B"];
const BLACK = new Set([1, 3, 6, 8, 10]);
/** The computer keys of one octave and a C, by physical position (KeyboardEvent.code). */
const CODES = ["KeyA", "KeyW", "KeyS", "KeyE", "KeyD", "KeyF", "KeyT", "KeyG", "KeyY", "KeyH", "KeyU", "KeyJ", "KeyK"];
const OCTAVE_CODES = { KeyZ: -12, KeyX: 12 };

export function noteName(note) {
  return `${NAMES[note % 12]}${Math.floor(note / 12) - 1}`;
}

export function createKeyboardPanel(client) {
  const panel = $("keyboard-panel");
  const piano = $("piano");
  const rangeEl = $("keyboard-range");
  const heldEl = $("keyboard-held");
  const downBtn = $("octave-down");
  const upBtn = $("octave-up");
  const velocity = $("velocity");
  const velocityText = $("velocity-value");
  const computerKeys = $("computer-keys");

  const player = createNotePlayer(client, { onChange: showHeld });
  const midi = createMidiInput(client, { onHeldNotes: (notes) => { midiHeld = notes; showHeld(); } });
  let midiHeld = new Set();
  let lowest = START_C;
  let connected = false;
  const down = new Set();              // pointers pressed on the keyboard

  // --- mouse and touch ---------------------------------------------------------------

  piano.addEventListener("pointerdown", (e) => {
    if (!connected || (e.pointerType === "mouse" && e.button !== 0)) return;
    const note = noteAt(e.clientX, e.clientY);
    if (note === null) return;
    e.preventDefault(); // no focus move, no text selection, no emulated mouse events
    piano.setPointerCapture(e.pointerId); // moves and the release come here even off the keys
    down.add(e.pointerId);
    player.press(pointer(e), note);
  });
  piano.addEventListener("pointermove", (e) => {
    if (!down.has(e.pointerId)) return;
    const note = noteAt(e.clientX, e.clientY); // glide: whatever key is under the pointer now
    if (note === null) player.release(pointer(e));
    else player.press(pointer(e), note);
  });
  for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
    piano.addEventListener(type, (e) => {
      down.delete(e.pointerId);
      player.release(pointer(e));
    });
  }
  piano.addEventListener("contextmenu", (e) => e.preventDefault()); // a long touch is a held note

  function pointer(e) {
    return `pointer:${e.pointerId}`;
  }

  /** The note of the key at a point (black keys lie on top), or null off the keys. */
  function noteAt(x, y) {
    const key = document.elementFromPoint(x, y)?.closest?.("[data-note]");
    return key && piano.contains(key) ? Number(key.dataset.note) : null;
  }

  // --- computer keys -----------------------------------------------------------------

  window.addEventListener("keydown", (e) => {
    if (!connected || !computerKeys.checked || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.code in OCTAVE_CODES) {
      e.preventDefault();
      if (!e.repeat) shift(OCTAVE_CODES[e.code]);
      return;
    }
    const offset = CODES.indexOf(e.code);
    if (offset < 0) return;
    e.preventDefault();
    if (!e.repeat) player.press(`key:${e.code}`, lowest + offset); // auto-repeat is no new note
  });
  // A key up always lets go, wherever the focus went meanwhile: the note it started, even after an octave shift.
  window.addEventListener("keyup", (e) => player.release(`key:${e.code}`));
  window.addEventListener("blur", releaseAll);
  window.addEventListener("pagehide", releaseAll);
  document.addEventListener("visibilitychange", () => { if (document.hidden) releaseAll(); });

  function releaseAll() {
    down.clear();
    player.releaseAll();
  }

  // --- controls ----------------------------------------------------------------------

  downBtn.addEventListener("click", () => shift(-12));
  upBtn.addEventListener("click", () => shift(12));
  velocity.addEventListener("input", showVelocity);

  function shift(semitones) {
    const next = Math.min(HIGHEST_C, Math.max(LOWEST_C, lowest + semitones));
    if (next === lowest) return;
    lowest = next;
    build();
  }

  function showVelocity() {
    const v = velocity.valueAsNumber;
    velocityText.textContent = String(v);
    velocity.style.setProperty("--fill", `${((v - 1) / 126) * 100}%`);
    velocity.setAttribute("aria-valuetext", `${v} of 127`);
    player.velocity = v / 127;
  }

  // --- drawing -----------------------------------------------------------------------

  function build() {
    const whites = [...Array(KEYS).keys()].filter((i) => !BLACK.has((lowest + i) % 12)).length;
    piano.style.setProperty("--whites", String(whites));
    let white = 0;
    const keys = [];
    for (let i = 0; i < KEYS; i++) {
      const note = lowest + i;
      const black = BLACK.has(note % 12);
      const letter = CODES[i]?.slice(3);
      const key = h("button", { type: "button", tabindex: "-1", class: black ? "piano-key black" : "piano-key white",
        "data-note": note, "aria-label": noteName(note), "aria-pressed": "false",
        title: letter ? `${noteName(note)} (key ${letter})` : noteName(note) },
      note % 12 === 0 ? h("span", { class: "piano-name", "aria-hidden": "true" }, noteName(note)) : null,
      letter ? h("span", { class: "piano-letter", "aria-hidden": "true" }, letter) : null);
      if (black) key.style.setProperty("--at", String(white)); // sits on the line after `white` white keys
      else white++;
      keys.push(key);
    }
    piano.replaceChildren(...keys);
    rangeEl.textContent = `${noteName(lowest)}–${noteName(lowest + KEYS - 1)}`;
    downBtn.disabled = !connected || lowest <= LOWEST_C;
    upBtn.disabled = !connected || lowest >= HIGHEST_C;
    showHeld();
  }

  function showHeld() {
    for (const key of piano.children) {
      const note = Number(key.dataset.note);
      key.setAttribute("aria-pressed", String(player.isHeld(note) || midiHeld.has(note)));
    }
    const names = [...new Set([...player.notes(), ...midiHeld])].sort((a, b) => a - b).map(noteName);
    heldEl.textContent = names.join(" ");
  }

  build();
  showVelocity();

  return {
    setConnected(on) {
      connected = on;
      panel.dataset.connected = String(on);
      if (!on) releaseAll(); // nothing can reach the server now: no note stays shown as held
      midi.setConnected(on);
      build();
    },
  };
}

/** Whether keys typed at `target` are text (a text field, a select, an editable element). */
function typing(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable || target.matches("textarea, select")) return true;
  return target.matches("input") && !["range", "checkbox", "radio", "button", "submit", "reset", "color"]
    .includes(target.type);
}
