// The notes this page plays (noteOn, noteOff): each note is held by one or more holders (a mouse
// button, a finger, a computer key); noteOn goes out when the first holder presses a note, noteOff
// when the last lets go. Sent as notifications: the client drops them while the connection is
// away rather than queueing them, since a note played late is worse than one not played.

export function createNotePlayer(client, { onChange }) {
  const noteOf = new Map();   // holder -> the note it holds
  const count = new Map();    // note -> how many holders hold it
  let velocity = 100 / 127;

  function press(holder, note) {
    if (noteOf.get(holder) === note) return;
    release(holder);
    noteOf.set(holder, note);
    const n = (count.get(note) ?? 0) + 1;
    count.set(note, n);
    if (n === 1) {
      client.notify("noteOn", { note, velocity });
      onChange();
    }
  }

  function release(holder) {
    const note = noteOf.get(holder);
    if (note === undefined) return;
    noteOf.delete(holder);
    const n = count.get(note) - 1;
    if (n > 0) {
      count.set(note, n);
      return;
    }
    count.delete(note);
    client.notify("noteOff", { note });
    onChange();
  }

  return {
    press,
    release,
    /** Lets go of every note (sending noteOff while connected), so nothing keeps sounding. */
    releaseAll() {
      if (!noteOf.size) return;
      for (const note of count.keys()) client.notify("noteOff", { note });
      noteOf.clear();
      count.clear();
      onChange();
    },
    holds: (holder) => noteOf.has(holder),
    isHeld: (note) => count.has(note),
    /** The notes held now. */
    notes: () => [...count.keys()],
    /** The velocity of notes pressed from now on, 0 to 1. */
    set velocity(v) { velocity = v; },
  };
}
