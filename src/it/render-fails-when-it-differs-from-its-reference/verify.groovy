import java.nio.ByteBuffer
import java.nio.ByteOrder

def log = new File(basedir, 'build.log').text
def golden = new File(basedir, 'src/test/wavecraft/golden.wav')
def difference = new File(basedir, 'target/wavecraft/render-diff.wav')

// A 1 kHz tone at 0.5 through -6 dB, and through -5.9 dB: the difference peaks at 0.5 * (10^(-5.9/20) - 10^(-6/20)).
double expectedPeak = 0.5 * (Math.pow(10, -5.9 / 20) - Math.pow(10, -6 / 20))
def failure = log =~ /The render differs from the reference (.+): the difference exceeds the tolerance of -90\.0 dBFS from ([0-9.]+) s on \(frame (\d+)\), with a peak of (-[0-9.]+) dBFS/
assert failure.find() : 'the failure names the reference, the first moment over the tolerance and the peak'
assert failure.group(1) == golden.canonicalPath
assert failure.group(3) == '1' : 'the tone starts at 0, so the first sample that differs is the second'
assert Math.abs(Double.parseDouble(failure.group(4)) - 20 * Math.log10(expectedPeak)) < 0.2
assert log.contains("The difference is in ${difference.canonicalPath}")
assert log.contains('-Dwavecraft.updateReference=true to replace the reference')

// The difference is a 32-bit float WAV whose peak is that difference.
assert difference.isFile()
def wav = ByteBuffer.wrap(difference.bytes).order(ByteOrder.LITTLE_ENDIAN)
assert wav.getShort(20) == 3 : 'IEEE float'
// fmt of 18 bytes, a fact chunk, then data: the samples start at 58.
assert new String(difference.bytes, 50, 4, 'US-ASCII') == 'data'
int dataLength = wav.getInt(54)
assert dataLength == 24000 * 2 * 4 : '0.5 s of 32-bit stereo'
double peak = 0
for (int at = 58; at < 58 + dataLength; at += 4) {
    peak = Math.max(peak, Math.abs(wav.getFloat(at)))
}
assert Math.abs(peak - expectedPeak) < 1e-4 : "peak ${peak}, expected ${expectedPeak}"
assert golden.isFile() : 'a failed check leaves the reference as it was'
