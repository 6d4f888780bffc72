package dev.wavecraft.devserver.render;

import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A Standard MIDI File's channel messages (note on and off, pitch bend, control change) at their
 * times in seconds, through the file's tempo map, all tracks merged in time order. Read with the
 * JDK's own parser (running status, format 0 and 1, tempo changes, SMPTE timing).
 */
final class MidiScore {

    /** MIDI's tempo until the file sets one: 120 beats per minute. */
    private static final int DEFAULT_MICROSECONDS_PER_BEAT = 500_000;
    private static final int SET_TEMPO = 0x51;

    private final Path file;
    private final double[] times;
    private final int[] messages;
    private final double length;
    private final int notes;

    private MidiScore(Path file, double[] times, int[] messages, double length, int notes) {
        this.file = file;
        this.times = times;
        this.messages = messages;
        this.length = length;
        this.notes = notes;
    }

    /** @throws RenderException when the file is missing or no Standard MIDI File, saying what to do */
    static MidiScore read(Path file) throws RenderException {
        if (!Files.isRegularFile(file)) {
            throw new RenderException("The MIDI file " + file + " does not exist. Set wavecraft.midi to a Standard"
                    + " MIDI File (.mid), relative to the project.");
        }
        try {
            return of(file, MidiSystem.getSequence(file.toFile()));
        } catch (InvalidMidiDataException e) {
            throw new RenderException(file + " is not a Standard MIDI File (" + FailureText.of(e) + "). Export the"
                    + " notes from your sequencer as a .mid file, format 0 or 1.", e);
        } catch (IOException e) {
            throw new RenderException("Cannot read the MIDI file " + file + ": " + FailureText.of(e), e);
        }
    }

    private static MidiScore of(Path file, Sequence sequence) {
        List<MidiEvent> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                events.add(track.get(i));
            }
        }
        // Stable: events at the same tick keep their track's order, so a note off before a note on stays so.
        events.sort(Comparator.comparingLong(MidiEvent::getTick));
        Clock clock = new Clock(sequence);
        List<Double> times = new ArrayList<>();
        List<Integer> messages = new ArrayList<>();
        double length = 0;
        int notes = 0;
        for (MidiEvent event : events) {
            double time = clock.seconds(event.getTick());
            length = Math.max(length, time);
            if (event.getMessage() instanceof MetaMessage meta && meta.getType() == SET_TEMPO) {
                clock.setTempo(event.getTick(), meta.getData());
            } else if (event.getMessage() instanceof ShortMessage message && isNoteEvent(message.getCommand())) {
                times.add(time);
                messages.add(message.getStatus() | message.getData1() << 8 | message.getData2() << 16);
                if (message.getCommand() == ShortMessage.NOTE_ON && message.getData2() > 0) {
                    notes++;
                }
            }
        }
        return new MidiScore(file, times.stream().mapToDouble(Double::doubleValue).toArray(),
                messages.stream().mapToInt(Integer::intValue).toArray(), length, notes);
    }

    private static boolean isNoteEvent(int command) {
        return command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF
                || command == ShortMessage.CONTROL_CHANGE || command == ShortMessage.PITCH_BEND;
    }

    /** The time of the file's last event, the end of its last track included. */
    double seconds() {
        return length;
    }

    /** The number of notes struck. */
    int notes() {
        return notes;
    }

    /** For the render's summary. */
    String describe() {
        return "Played " + notes + (notes == 1 ? " note" : " notes") + " from " + file.getFileName();
    }

    /** The messages at sample frames of {@code sampleRate}, ready to be laid on blocks. */
    MidiPlayback at(int sampleRate) {
        long[] frames = new long[times.length];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = Math.round(times[i] * sampleRate);
        }
        return new MidiPlayback(frames, messages);
    }

    /** Ticks to seconds: pulses per quarter note through the tempo in force, or SMPTE frames. */
    private static final class Clock {

        private final Sequence sequence;
        private long tempoTick;
        private double tempoSeconds;
        private double secondsPerTick;

        Clock(Sequence sequence) {
            this.sequence = sequence;
            this.secondsPerTick = sequence.getDivisionType() == Sequence.PPQ
                    ? DEFAULT_MICROSECONDS_PER_BEAT / 1e6 / sequence.getResolution()
                    : 1 / (sequence.getDivisionType() * sequence.getResolution());
        }

        double seconds(long tick) {
            return tempoSeconds + (tick - tempoTick) * secondsPerTick;
        }

        /** A tempo change counts only in files timed in beats; SMPTE time does not follow the tempo. */
        void setTempo(long tick, byte[] data) {
            if (sequence.getDivisionType() != Sequence.PPQ || data.length != 3) {
                return;
            }
            int microsecondsPerBeat = (data[0] & 0xff) << 16 | (data[1] & 0xff) << 8 | data[2] & 0xff;
            tempoSeconds = seconds(tick);
            tempoTick = tick;
            secondsPerTick = microsecondsPerBeat / 1e6 / sequence.getResolution();
        }
    }
}
