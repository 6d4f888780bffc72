package com.example.synth;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.NoteEvents;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/**
 * A small polyphonic synth: eight voices (the oldest is taken when all are busy), a choice of
 * waveform, an attack/decay/sustain/release envelope, a volume and a pitch bend of two semitones.
 * It plays the block's note events where they fall in the block and writes over the audio input.
 * Nothing is allocated in {@link #process}.
 */
public final class SynthProcessor implements Processor {

    static final EnumParameter WAVEFORM =
            EnumParameter.of("waveform", "Waveform", "Sine", "Saw", "Square").withGroup("Oscillator");
    static final FloatParameter ATTACK =
            FloatParameter.of("attack", "Attack", 1, 2000, 5).withUnit("ms").withGroup("Envelope");
    static final FloatParameter DECAY =
            FloatParameter.of("decay", "Decay", 1, 2000, 200).withUnit("ms").withGroup("Envelope");
    static final FloatParameter SUSTAIN =
            FloatParameter.of("sustain", "Sustain", 0, 1, 0.7).withGroup("Envelope");
    static final FloatParameter RELEASE =
            FloatParameter.of("release", "Release", 1, 5000, 300).withUnit("ms").withGroup("Envelope");
    static final FloatParameter VOLUME =
            FloatParameter.of("volume", "Volume", -60, 0, -12).withUnit("dB").withGroup("Output");

    private static final int VOICES = 8;
    private static final float BEND_SEMITONES = 2;
    private static final int ALL_SOUND_OFF = 120;
    private static final int ALL_NOTES_OFF = 123;

    private final Voice[] voices = new Voice[VOICES];
    private final Envelope.Shape shape = new Envelope.Shape();
    private float sampleRate = 48_000;
    private float bend;
    private long notesStarted;

    public SynthProcessor() {
        for (int i = 0; i < VOICES; i++) {
            voices[i] = new Voice();
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(WAVEFORM, ATTACK, DECAY, SUSTAIN, RELEASE, VOLUME);
    }

    @Override
    public void prepare(double sampleRate, int maxBlockSize) {
        this.sampleRate = (float) sampleRate;
    }

    @Override
    public void reset() {
        for (Voice voice : voices) {
            voice.silence();
        }
        bend = 0;
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
        shape.set(values.get(ATTACK), values.get(DECAY), values.get(SUSTAIN), values.get(RELEASE), sampleRate);
        Waveform waveform = Waveform.of(values.get(WAVEFORM));
        float gain = (float) Math.pow(10, values.get(VOLUME) / 20.0);
        float[] out = block.channel(0);
        int frames = block.frames();
        NoteEvents notes = block.notes();
        int done = 0;
        for (int i = 0; i < notes.size(); i++) {
            // Sample-accurate: render up to the event, then let it act.
            int at = Math.min(notes.offset(i), frames);
            render(out, done, at, waveform, gain);
            done = at;
            handle(notes, i);
        }
        render(out, done, frames, waveform, gain);
        for (int c = 1; c < block.channelCount(); c++) {
            System.arraycopy(out, 0, block.channel(c), 0, frames);
        }
    }

    private void handle(NoteEvents notes, int i) {
        switch (notes.type(i)) {
            case NOTE_ON -> start(notes.channel(i), notes.note(i), notes.velocity(i));
            case NOTE_OFF -> {
                for (Voice voice : voices) {
                    if (voice.plays(notes.channel(i), notes.note(i))) {
                        voice.release();
                    }
                }
            }
            case PITCH_BEND -> {
                bend = notes.value(i) * BEND_SEMITONES;
                for (Voice voice : voices) {
                    voice.tune(bend, sampleRate);
                }
            }
            case CONTROL_CHANGE -> {
                int controller = notes.controller(i);
                for (Voice voice : voices) {
                    if (controller == ALL_SOUND_OFF) {
                        voice.silence();
                    } else if (controller == ALL_NOTES_OFF) {
                        voice.release();
                    }
                }
            }
        }
    }

    /** The same key again restarts its voice; else a free voice, else the oldest released one, else the oldest. */
    private void start(int channel, int note, float velocity) {
        Voice chosen = null;
        for (Voice voice : voices) {
            if (voice.plays(channel, note) || chosen == null && voice.isFree()) {
                chosen = voice;
            }
        }
        if (chosen == null) {
            for (Voice voice : voices) {
                if (chosen == null || voice.isReleased() && !chosen.isReleased()
                        || voice.isReleased() == chosen.isReleased() && voice.startedAs() < chosen.startedAs()) {
                    chosen = voice;
                }
            }
        }
        chosen.start(channel, note, velocity, ++notesStarted, bend, sampleRate);
    }

    private void render(float[] out, int from, int to, Waveform waveform, float gain) {
        java.util.Arrays.fill(out, from, to, 0f);
        for (Voice voice : voices) {
            if (!voice.isFree()) {
                voice.addTo(out, from, to, waveform, shape, gain);
            }
        }
    }
}
