import javax.sound.midi.*

// 480 ticks per beat; 120 bpm for two beats (1 s), then 60 bpm.
def sequence = new Sequence(Sequence.PPQ, 480)
def conductor = sequence.createTrack()
def tempo = { int microsecondsPerBeat, long tick ->
    byte[] data = [(microsecondsPerBeat >> 16) & 0xff, (microsecondsPerBeat >> 8) & 0xff, microsecondsPerBeat & 0xff]
    conductor.add(new MidiEvent(new MetaMessage(0x51, data, 3), tick))
}
tempo(500_000, 0)
tempo(1_000_000, 960)
def melody = sequence.createTrack()
def note = { int key, long tick, long length ->
    melody.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, key, 100), tick))
    melody.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), tick + length))
}
note(69, 240, 240)    // 0.25 s to 0.5 s
note(76, 720, 240)    // 0.75 s to 1.0 s
note(81, 1200, 240)   // 1 s + 0.5 beat at 60 bpm = 1.5 s, to 2 s
def file = new File(basedir, 'src/test/wavecraft/tune.mid')
file.parentFile.mkdirs()
MidiSystem.write(sequence, 1, file)
true
