// MIDI input through Web MIDI: an "Enable MIDI input" button (the browser asks for permission on
// a user gesture), then every message of every connected input goes to the server as midiMessage,
// as Web MIDI delivers it, except the timing clock and active sensing, which arrive many times a
// second and mean nothing to a processor here. Inputs plugged in or out later are followed
// (statechange). The notes held on the devices are handed to onHeldNotes(Set) for the keyboard to
// show; an input that goes away lets go of its notes on the server too. The panel carries
// data-midi (unavailable, off, asking, on, refused) and data-inputs for tests and tools.
import { $ } from "./dom.js";

const CLOCK = 0xf8;
const ACTIVE_SENSING = 0xfe;
const NOTE_OFF = 0x80;
const NOTE_ON = 0x90;
const CONTROL_CHANGE = 0xb0;
const ALL_SOUND_OFF = 120;
const ALL_NOTES_OFF = 123;

export function createMidiInput(client, { onHeldNotes }) {
  const box = $("midi");
  const button = $("midi-enable");
  const statusEl = $("midi-status");

  const held = new Map();      // "input/channel/note" -> note
  const listening = new Map(); // input id -> the MIDIInput we listen to
  let access = null;
  let connected = false;

  if (typeof navigator.requestMIDIAccess !== "function") {
    show("unavailable", "This browser has no Web MIDI, so MIDI devices cannot play here; "
      + "the on-screen keyboard and the computer keys still can.");
    button.hidden = true;
  } else {
    show("off", "MIDI input is off.");
    button.addEventListener("click", enable);
  }

  async function enable() {
    button.disabled = true;
    show("asking", "Asking the browser for MIDI access…");
    try {
      access = await navigator.requestMIDIAccess({ sysex: false });
    } catch (err) {
      button.disabled = false;
      show("refused", `The browser refused MIDI access${err?.message ? ` (${err.message})` : ""}; `
        + "allow MIDI for this page in the site settings, then try again.");
      return;
    }
    button.hidden = true;
    access.addEventListener("statechange", follow);
    follow();
  }

  /** Listens to every connected input and drops the ones that went away. */
  function follow() {
    const present = new Set();
    for (const input of access.inputs.values()) {
      if (input.state === "disconnected") continue;
      present.add(input.id);
      if (!listening.has(input.id)) {
        listening.set(input.id, input);
        input.onmidimessage = (e) => receive(input, e.data); // setting it opens the port
      }
    }
    for (const [id, input] of listening) {
      if (!present.has(id)) {
        listening.delete(id);
        input.onmidimessage = null;
        releaseFrom(id);
      }
    }
    const names = [...listening.values()].map((i) => i.name || "unnamed input");
    box.dataset.inputs = String(names.length);
    show("on", names.length
      ? `MIDI input on: ${names.length === 1 ? "1 device" : `${names.length} devices`} (${names.join(", ")}).`
      : "MIDI input on, but no device is connected; plug one in and it is picked up.");
  }

  function receive(input, bytes) {
    if (!bytes?.length || !listening.has(input.id)) return; // a late message from an input that went away
    const status = bytes[0];
    if (status === CLOCK || status === ACTIVE_SENSING) return;
    if (!connected) return;
    client.notify("midiMessage", { data: [...bytes] });
    track(input.id, bytes);
  }

  /** Follows note on/off (and all notes off) for the keyboard to show. */
  function track(id, [status, a, b]) {
    const kind = status & 0xf0;
    const channel = status & 0x0f;
    const key = `${id}/${channel}/${a}`;
    if (kind === NOTE_ON && b > 0) held.set(key, a);
    else if (kind === NOTE_OFF || kind === NOTE_ON) held.delete(key);
    else if (kind === CONTROL_CHANGE && (a === ALL_NOTES_OFF || a === ALL_SOUND_OFF)) {
      for (const k of [...held.keys()]) if (k.startsWith(`${id}/${channel}/`)) held.delete(k);
    } else return;
    changed();
  }

  /** An input went away holding notes: nothing will ever release them but us. */
  function releaseFrom(id) {
    for (const [key, note] of [...held]) {
      if (!key.startsWith(`${id}/`)) continue;
      const channel = Number(key.split("/").at(-2));
      client.notify("midiMessage", { data: [NOTE_OFF | channel, note, 0] });
      held.delete(key);
    }
    changed();
  }

  function changed() {
    onHeldNotes(new Set(held.values()));
  }

  function show(state, text) {
    box.dataset.midi = state;
    statusEl.textContent = text;
  }

  return {
    setConnected(on) {
      connected = on;
      if (!on && held.size) {
        held.clear(); // released locally: no noteOff could reach the server now anyway
        changed();
      }
    },
  };
}
