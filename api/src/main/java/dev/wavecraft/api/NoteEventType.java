package dev.wavecraft.api;

/** What a {@link NoteEvents} entry is. */
public enum NoteEventType {
    /** A key pressed: {@code note} and {@code velocity} in (0, 1]. */
    NOTE_ON,
    /** A key released: {@code note}, and the release {@code velocity} (0 when the source sends none). */
    NOTE_OFF,
    /** The pitch wheel: {@code value} in [-1, 1], 0 in the middle. */
    PITCH_BEND,
    /** A controller moved: {@code controller} 0-127 and {@code value} in [0, 1]. */
    CONTROL_CHANGE
}
