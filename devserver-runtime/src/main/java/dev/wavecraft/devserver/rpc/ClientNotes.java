package dev.wavecraft.devserver.rpc;

import dev.wavecraft.api.NoteEventType;
import dev.wavecraft.api.NoteEvents;
import dev.wavecraft.devserver.audio.NoteInbox;
import dev.wavecraft.devserver.audio.NoteKeys;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The notes each client holds down (16 channels × 128 notes), so they can be let go when it leaves. */
final class ClientNotes {

    private final Map<Object, BitSet> byClient = new ConcurrentHashMap<>();

    /** Follows one event {@code client} sent; {@code event} holds just that one. */
    void follow(Object client, NoteEvents event) {
        if (client == null) {
            return;
        }
        NoteEventType type = event.type(0);
        int key = NoteKeys.key(event.channel(0), event.note(0));
        BitSet notes = byClient.computeIfAbsent(client, any -> new BitSet(NoteKeys.COUNT));
        synchronized (notes) {
            if (type == NoteEventType.NOTE_ON) {
                notes.set(key);
            } else if (type == NoteEventType.NOTE_OFF) {
                notes.clear(key);
            } else if (NoteKeys.releasesChannel(type, event.controller(0))) {
                notes.clear(NoteKeys.key(event.channel(0), 0), NoteKeys.key(event.channel(0) + 1, 0));
            }
        }
    }

    /**
     * Sends a note off for each note {@code client} still held that no other client holds too (a
     * second page playing the same key keeps it sounding), and forgets the client.
     */
    void release(Object client, NoteInbox inbox) {
        BitSet notes = byClient.remove(client);
        if (notes == null) {
            return;
        }
        BitSet left;
        synchronized (notes) {
            left = (BitSet) notes.clone();
        }
        for (int key = left.nextSetBit(0); key >= 0; key = left.nextSetBit(key + 1)) {
            if (!heldByAnyone(key)) {
                inbox.offer(NoteEventType.NOTE_OFF, NoteKeys.channel(key), NoteKeys.note(key), 0);
            }
        }
    }

    private boolean heldByAnyone(int key) {
        for (BitSet other : byClient.values()) {
            synchronized (other) {
                if (other.get(key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
