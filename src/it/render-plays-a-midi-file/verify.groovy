import java.nio.ByteBuffer
import java.nio.ByteOrder

def log = new File(basedir, 'build.log').text
assert log.contains('Rendered 3.000 s of silence through it.fixture.Beeps')
assert log.contains('Played 3 notes from tune.mid')

def file = new File(basedir, 'target/wavecraft/render.wav')
def wav = ByteBuffer.wrap(file.bytes).order(ByteOrder.LITTLE_ENDIAN)
assert new String(file.bytes, 36, 4, 'US-ASCII') == 'data'
assert wav.getShort(34) == 16
int frames = wav.getInt(40) / 4
assert frames == 144000 : 'the file (2 s) and a second of release'
def left = { int frame -> wav.getShort(44 + frame * 4) / 32768.0 }
def rms = { double from, double to ->
    int start = Math.round(from * 48000), end = Math.round(to * 48000)
    double sum = 0
    for (int i = start; i < end; i++) sum += left(i) * left(i)
    Math.sqrt(sum / (end - start))
}

// Each note sounds from its own sample: silence up to it, the tone right after it, in the right pitch.
[[0.25, 0.5, 440.0], [0.75, 1.0, 659.26], [1.5, 2.0, 880.0]].each { start, end, hertz ->
    int onset = Math.round(start * 48000)
    assert left(onset - 1) == 0 && left(onset) != 0 : "the note at ${start} s starts on frame ${onset}"
    assert rms(start - 0.05, start) < 1e-4 : "silence before ${start} s"
    assert Math.abs(rms(start, start + 0.05) - 0.5 / Math.sqrt(2)) < 0.01 : "the tone after ${start} s"
    assert rms(end, end + 0.05) < 1e-4 : "silence after the note off at ${end} s"
    int crossings = 0
    for (int i = onset + 1; i < Math.round(end * 48000); i++) {
        if (left(i - 1) < 0 && left(i) >= 0) crossings++
    }
    assert Math.abs(crossings / (end - start) - hertz) < 8 : "${crossings / (end - start)} Hz, expected ${hertz}"
}
true
