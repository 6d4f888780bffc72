package dev.wavecraft.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoteEventsTest {

    private final NoteEvents notes = NoteEvents.withCapacity(4);

    @Test
    void keepsEventsInTimeOrderWhateverOrderTheyCameIn() {
        notes.noteOn(10, 0, 60, 1f);
        notes.noteOff(2, 1, 62, 0f);
        notes.pitchBend(10, 0, -0.5f);

        assertThat(notes.size()).isEqualTo(3);
        assertThat(notes.type(0)).isEqualTo(NoteEventType.NOTE_OFF);
        assertThat(notes.offset(0)).isEqualTo(2);
        assertThat(notes.channel(0)).isEqualTo(1);
        assertThat(notes.type(1)).isEqualTo(NoteEventType.NOTE_ON);
        assertThat(notes.note(1)).isEqualTo(60);
        assertThat(notes.type(2)).isEqualTo(NoteEventType.PITCH_BEND);
        assertThat(notes.value(2)).isEqualTo(-0.5f);
    }

    @Test
    void readsMidiBytesAsWebMidiAndMidiFilesCarryThem() {
        assertThat(notes.addMidi(0, 0x92, 64, 127)).isTrue();
        assertThat(notes.addMidi(0, 0x90, 64, 0)).isTrue();
        assertThat(notes.addMidi(0, 0xB0, 7, 127)).isTrue();
        assertThat(notes.addMidi(0, 0xE0, 0x7f, 0x7f)).isTrue();

        assertThat(notes.type(0)).isEqualTo(NoteEventType.NOTE_ON);
        assertThat(notes.channel(0)).isEqualTo(2);
        assertThat(notes.velocity(0)).isEqualTo(1f);
        assertThat(notes.type(1)).as("a note on at velocity 0 is a note off").isEqualTo(NoteEventType.NOTE_OFF);
        assertThat(notes.controller(2)).isEqualTo(7);
        assertThat(notes.value(2)).isEqualTo(1f);
        assertThat(notes.value(3)).isEqualTo(1f);
    }

    @Test
    void refusesMalformedMidiAndDropsWhatDoesNotFitWithoutGrowing() {
        assertThat(notes.addMidi(0, 0x90, 128, 1)).isFalse();
        assertThat(notes.addMidi(0, 0xF8, 0, 0)).as("a clock tick is not a note event").isFalse();
        assertThat(notes.addMidi(0, 0x40, 1, 1)).as("a data byte is no status").isFalse();
        for (int i = 0; i < 6; i++) {
            notes.noteOn(i, 0, 60 + i, 0.5f);
        }

        assertThat(notes.size()).isEqualTo(4);
        assertThat(notes.dropped()).isEqualTo(2);
        assertThatThrownBy(() -> notes.noteOn(0, 16, 60, 1f)).hasMessageContaining("[0, 15]");
        assertThatThrownBy(() -> notes.note(4)).isInstanceOf(IndexOutOfBoundsException.class);
        notes.clear();
        assertThat(notes.size()).isZero();
    }
}
