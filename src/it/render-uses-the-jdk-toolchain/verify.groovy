import java.nio.ByteBuffer
import java.nio.ByteOrder

def log = new File(basedir, 'build.log').text
assert log =~ /Java version: 17\./ : 'Maven itself runs on JDK 17'
def classFile = new File(basedir, 'target/classes/it/fixture/Halve.class').bytes
assert ByteBuffer.wrap(classFile).getShort(6) == 65 : 'compiled for Java 21 (class file version 65)'
assert log.contains('Halve runs on Java 25, gain 0.5') : 'rendered by the toolchain JDK'
assert log.contains('Rendered 0.500 s of tone:1000.0:0.5 through it.fixture.Halve')
def argfile = new File(basedir, 'target/wavecraft/render.argfile')
assert argfile.isFile()

def wav = ByteBuffer.wrap(new File(basedir, 'target/wavecraft/render.wav').bytes).order(ByteOrder.LITTLE_ENDIAN)
assert wav.getInt(40) == 24000 * 4 : '0.5 s of 16-bit stereo'
int peak = 0
for (int i = 0; i < 24000 * 2; i++) {
    peak = Math.max(peak, Math.abs(wav.getShort(44 + i * 2) as int))
}
assert Math.abs(peak - 0.25 * 32768) < 40 : "a 0.5 tone halved peaks at 0.25 of full scale, not ${peak / 32768}"
