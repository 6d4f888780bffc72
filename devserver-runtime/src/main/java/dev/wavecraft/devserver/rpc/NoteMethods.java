package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.api.NoteEvents;
import dev.wavecraft.devserver.audio.NoteInbox;
import java.util.Map;

/**
 * noteOn, noteOff and midiMessage (PROTOCOL.md, "Notes"): each checks its params and puts one
 * event in the audio thread's inbox, on the thread that read the request (no worker: it is one
 * compare-and-set). MIDI bytes are decoded by {@link NoteEvents#addMidi}, the api's own decoder; a
 * valid message that is not a note event (a clock tick, a program change) is accepted and ignored.
 * When a client leaves, the notes it still held are let go ({@link #left}).
 */
public final class NoteMethods {

    private final NoteInbox inbox;
    private final ClientNotes held = new ClientNotes();

    public NoteMethods(NoteInbox inbox) {
        this.inbox = inbox;
    }

    public Map<String, RpcMethod> methods() {
        return Map.of(
                RpcNames.NOTE_ON, this::noteOn,
                RpcNames.NOTE_OFF, this::noteOff,
                RpcNames.MIDI_MESSAGE, this::midiMessage);
    }

    /** A client left: note offs for the notes it held, so none is left sounding (a page reloaded mid-chord). */
    public void left(Object client) {
        held.release(client, inbox);
    }

    private JsonElement noteOn(RpcParams params, Object caller) throws RpcException {
        int note = params.wholeNumber("note", 0, 127);
        float velocity = (float) params.numberWithin("velocity", 0, 1);
        NoteEvents event = NoteEvents.withCapacity(1);
        event.noteOn(0, channel(params), note, velocity);
        return send(event, caller);
    }

    private JsonElement noteOff(RpcParams params, Object caller) throws RpcException {
        int note = params.wholeNumber("note", 0, 127);
        NoteEvents event = NoteEvents.withCapacity(1);
        event.noteOff(0, channel(params), note, 0);
        return send(event, caller);
    }

    private JsonElement midiMessage(RpcParams params, Object caller) throws RpcException {
        int[] bytes = MidiBytes.read(params.array("data"));
        NoteEvents event = NoteEvents.withCapacity(1);
        return event.addMidi(0, bytes[0], bytes[1], bytes[2]) ? send(event, caller) : new JsonObject();
    }

    private static int channel(RpcParams params) throws RpcException {
        return params.has("channel") ? params.wholeNumber("channel", 0, 15) : 0;
    }

    /** A full inbox drops the event and counts it; the reply is the same, as a MIDI cable's would be. */
    private JsonElement send(NoteEvents event, Object caller) {
        held.follow(caller, event);
        inbox.offer(event.type(0), event.channel(0), event.controller(0), event.value(0));
        return new JsonObject();
    }
}
