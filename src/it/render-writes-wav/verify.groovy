import java.nio.ByteBuffer
import java.nio.ByteOrder

def log = new File(basedir, 'build.log').text
assert log.contains('Rendered 0.500 s of tone:1000.0:0.5 through it.fixture.Gain')

def file = new File(basedir, 'target/wavecraft/render.wav')
assert file.isFile()
def wav = ByteBuffer.wrap(file.bytes).order(ByteOrder.LITTLE_ENDIAN)
def tag = { int at -> new String(file.bytes, at, 4, 'US-ASCII') }
assert tag(0) == 'RIFF' && tag(8) == 'WAVE' && tag(12) == 'fmt ' && tag(36) == 'data'
assert wav.getInt(4) == file.length() - 8
assert wav.getShort(20) == 1 : 'PCM'
assert wav.getShort(22) == 2 : 'stereo'
assert wav.getInt(24) == 48000
assert wav.getShort(34) == 16
assert wav.getInt(40) == 24000 * 4 : '0.5 s of 16-bit stereo'

// A 1 kHz tone at 0.5 through -6 dB: RMS 0.5 / sqrt(2) * 10^(-6/20).
double sum = 0
for (int i = 0; i < 24000; i++) {
    double left = wav.getShort(44 + i * 4) / 32768.0
    sum += left * left
}
double rms = Math.sqrt(sum / 24000)
double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -6 / 20.0)
assert Math.abs(rms - expected) < 0.001 : "RMS ${rms}, expected ${expected}"
assert !new File(basedir, 'target/wavecraft').listFiles().any { it.name.endsWith('.part') }
