package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.NoteEventType;

/**
 * The 16 channels × 128 notes a held note can be, as one key each, and which event lets go of every
 * note of its channel: the one layout the audio thread's held notes and each client's held notes share.
 */
public final class NoteKeys {

    public static final int PER_CHANNEL = 128;
    public static final int COUNT = 16 * PER_CHANNEL;

    private static final int ALL_SOUND_OFF = 120;
    private static final int ALL_NOTES_OFF = 123;

    private NoteKeys() {
    }

    public static int key(int channel, int note) {
        return channel * PER_CHANNEL + note;
    }

    public static int channel(int key) {
        return key / PER_CHANNEL;
    }

    public static int note(int key) {
        return key % PER_CHANNEL;
    }

    /** An "all notes off" or "all sound off" controller, which ends every note of its channel. */
    public static boolean releasesChannel(NoteEventType type, int controller) {
        return type == NoteEventType.CONTROL_CHANGE && (controller == ALL_NOTES_OFF || controller == ALL_SOUND_OFF);
    }
}
