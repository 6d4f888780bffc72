package dev.wavecraft.devserver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.RenderOptions;
import dev.wavecraft.protocol.options.SampleFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a MIDI file through a real compiled instrument and finds each note on its exact sample. */
class MidiRenderTest {

    /** Writes the note number / 128 on the sample of each note on, and nothing else. */
    private static final String CLICKS = """
            package it.fixture;

            import dev.wavecraft.api.*;
            import java.util.List;

            public final class Clicks implements Processor {
                public List<Parameter> parameters() {
                    return List.of();
                }

                public void process(AudioBlock block, ParameterValues values) {
                    for (int c = 0; c < block.channelCount(); c++) {
                        java.util.Arrays.fill(block.channel(c), 0, block.frames(), 0f);
                    }
                    NoteEvents notes = block.notes();
                    for (int i = 0; i < notes.size(); i++) {
                        if (notes.type(i) == NoteEventType.NOTE_ON) {
                            block.channel(0)[notes.offset(i)] = notes.note(i) / 128f;
                        }
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void placesEveryNoteOnItsSampleThroughTheFilesTempoChanges() throws Exception {
        // 480 ticks per beat: 120 bpm for the first two beats, then 60 bpm.
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track conductor = sequence.createTrack();
        conductor.add(new MidiEvent(tempo(500_000), 0));
        conductor.add(new MidiEvent(tempo(1_000_000), 960));
        Track melody = sequence.createTrack();
        note(melody, 60, 0, 240);      // 0 s
        note(melody, 64, 480, 240);    // 0.5 s
        note(melody, 67, 1440, 240);   // 1 s + 1 beat at 60 bpm = 2 s
        Track bass = sequence.createTrack();
        note(bass, 36, 1000, 100);     // 1 s + 40 ticks at 60 bpm = 1.0833 s
        Path midi = work.resolve("melody.mid");
        MidiSystem.write(sequence, 1, midi.toFile());

        RenderJob.Rendered rendered = new RenderJob(options(midi, 0)).run();

        WavAudio written = WavReader.read(output());
        assertThat(onsets(written.channels()[0])).containsExactly(
                new Onset(0, 60), new Onset(24_000, 64), new Onset(52_000, 36), new Onset(96_000, 67));
        assertThat(written.frames()).as("the file's end plus a second of release")
                .isEqualTo(Math.round((2.5 + RenderOptions.MIDI_TAIL_SECONDS) * 48_000));
        assertThat(rendered.midi()).contains("Played 4 notes from melody.mid");
        assertThat(RenderMain.summary(rendered, options(midi, 0))).endsWith(". Played 4 notes from melody.mid");
    }

    @Test
    void saysWhatIsWrongWithAMissingOrBrokenMidiFileAndWriteNothing() throws Exception {
        Path missing = work.resolve("missing.mid");
        Path broken = Files.writeString(work.resolve("notes.mid"), "not a MIDI file at all");

        assertThatThrownBy(() -> new RenderJob(options(missing, 1)).run()).isInstanceOf(RenderException.class)
                .hasMessageContaining("The MIDI file " + missing + " does not exist");
        assertThatThrownBy(() -> new RenderJob(options(broken, 1)).run()).isInstanceOf(RenderException.class)
                .hasMessageContaining(broken + " is not a Standard MIDI File");
        assertThat(output()).doesNotExist();
    }

    private record Onset(int frame, int note) {
    }

    private static List<Onset> onsets(float[] samples) {
        List<Onset> onsets = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] != 0) {
                onsets.add(new Onset(i, Math.round(samples[i] * 128)));
            }
        }
        return onsets;
    }

    private RenderOptions options(Path midi, double seconds) {
        Path classpath = CompiledProject.withProcessor(work.resolve("project"), "it.fixture.Clicks", CLICKS)
                .classpathFile();
        return new RenderOptions(classpath, Optional.empty(), Duration.ofSeconds(10), InputSpec.silence(), seconds,
                output(), SampleFormat.FLOAT32, 512, List.of(), "", Optional.empty(), Optional.empty(),
                Optional.of(midi));
    }

    private Path output() {
        return work.resolve("render.wav");
    }

    private static MetaMessage tempo(int microsecondsPerBeat) throws Exception {
        byte[] data = {(byte) (microsecondsPerBeat >> 16), (byte) (microsecondsPerBeat >> 8), (byte) microsecondsPerBeat};
        return new MetaMessage(0x51, data, 3);
    }

    private static void note(Track track, int note, long tick, long length) throws Exception {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, note, 100), tick));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, note, 0), tick + length));
    }
}
