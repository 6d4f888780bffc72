import java.nio.ByteBuffer
import java.nio.ByteOrder

def log = new File(basedir, 'build.log').text
assert log.contains('Rendered 0.500 s of tone:1000.0:0.5 through it.fixture.Gain')
assert log.contains("Preset 'quiet-take': 2 values set as saved")

// The preset's gain (-12 dB) with the POM's bypass=false over the preset's bypass.
def file = new File(basedir, 'target/wavecraft/render.wav')
def wav = ByteBuffer.wrap(file.bytes).order(ByteOrder.LITTLE_ENDIAN)
double sum = 0
for (int i = 0; i < 24000; i++) {
    double left = wav.getShort(44 + i * 4) / 32768.0
    sum += left * left
}
double rms = Math.sqrt(sum / 24000)
double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -12 / 20.0)
assert Math.abs(rms - expected) < 0.001 : "RMS ${rms}, expected ${expected}"
