import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.channels.FileChannel
import java.nio.file.StandardOpenOption

def log = new File(basedir, 'build.log').text
assert log.contains('Rendered 3600.000 s of tone:1000.0:0.5 through it.fixture.Gain')
assert !log.contains('OutOfMemoryError')

def file = new File(basedir, 'target/wavecraft/render.wav')
try {
    def header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN)
    FileChannel.open(file.toPath(), StandardOpenOption.READ).withCloseable { it.read(header, 0) }
    long frames = 3600L * 48000
    assert frames == 172_800_000L
    assert Integer.toUnsignedLong(header.getInt(40)) == frames * 4 : 'data: 172,800,000 frames of 16-bit stereo'
    assert Integer.toUnsignedLong(header.getInt(4)) == file.length() - 8
    assert file.length() == 44 + frames * 4
} finally {
    file.delete()
}
