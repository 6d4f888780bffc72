package dev.wavecraft.devserver.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wavecraft.devserver.testing.WavFiles;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavRoundTripTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void readsBackWhatItWroteWithinOneQuantisationStep(SampleFormat format) throws IOException {
        float[][] channels = {ramp(1001, 0.9f), ramp(1001, -0.7f)};
        Path file = directory.resolve("out.wav");

        WavFiles.write(file, new WavAudio(44_100, channels, format));
        WavAudio read = WavReader.read(file);

        assertThat(read.sampleRate()).isEqualTo(44_100);
        assertThat(read.format()).isEqualTo(format);
        assertThat(read.channelCount()).isEqualTo(2);
        assertThat(read.frames()).isEqualTo(1001);
        double step = format == SampleFormat.PCM16 ? 0.5 / 32768 : format == SampleFormat.PCM24 ? 0.5 / 8388608 : 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 1001; i++) {
                assertThat((double) read.channels()[c][i]).isCloseTo(channels[c][i], within(step + 1e-7));
            }
        }
        long expectedData = 1001L * 2 * format.bytesPerSample();
        assertThat(Files.size(file)).isEqualTo(expectedData + (format == SampleFormat.FLOAT32 ? 58 : 44) + (expectedData & 1));
    }

    @Test
    void writesAStandardHeaderForMono24BitPcm() throws IOException {
        Path file = directory.resolve("mono.wav");

        WavFiles.write(file, new WavAudio(48_000, new float[][] {ramp(3, 0.5f)}, SampleFormat.PCM24));

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(header, 0)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(Files.size(file) - 8);
        assertThat(ascii(header, 8)).isEqualTo("WAVE");
        assertThat(ascii(header, 12)).isEqualTo("fmt ");
        assertThat(header.getShort(20)).isEqualTo((short) 1);
        assertThat(header.getShort(22)).isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(48_000);
        assertThat(header.getInt(28)).isEqualTo(48_000 * 3);
        assertThat(header.getShort(32)).isEqualTo((short) 3);
        assertThat(header.getShort(34)).isEqualTo((short) 24);
        assertThat(ascii(header, 36)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(9);
        assertThat(WavReader.read(file).channelCount()).isEqualTo(1);
    }

    @Test
    void clipsOutOfRangeSamplesInIntegerFormatsAndKeepsThemInFloat() throws IOException {
        float[][] hot = {{1.5f, -2f, 0.25f}};
        Path pcm = directory.resolve("pcm.wav");
        Path floats = directory.resolve("float.wav");

        WavFiles.write(pcm, new WavAudio(48_000, hot, SampleFormat.PCM16));
        WavFiles.write(floats, new WavAudio(48_000, hot, SampleFormat.FLOAT32));

        assertThat(WavReader.read(pcm).channels()[0]).containsExactly(32767 / 32768f, -1f, 0.25f);
        assertThat(WavReader.read(floats).channels()[0]).containsExactly(1.5f, -2f, 0.25f);
    }

    @Test
    void refusesFormatsItDoesNotSupportSayingWhatTheFileHolds() throws IOException {
        Path eightBit = directory.resolve("old.wav");
        Files.write(eightBit, header(1, 1, 8_000, 8, new byte[] {0, 1, 2, 3}));
        Path quad = directory.resolve("quad.wav");
        Files.write(quad, header(1, 4, 48_000, 16, new byte[16]));
        Path text = directory.resolve("notes.wav");
        Files.writeString(text, "not audio at all");

        assertThatThrownBy(() -> WavReader.read(eightBit)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("8-bit PCM").hasMessageContaining("16- and 24-bit PCM and 32-bit float");
        assertThatThrownBy(() -> WavReader.read(quad)).hasMessageContaining("4 channels; mono and stereo");
        assertThatThrownBy(() -> WavReader.read(text)).hasMessageContaining("is not a WAV file");
        assertThatThrownBy(() -> WavReader.read(directory.resolve("missing.wav"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writesBlockByBlockAndFillsInTheHeaderSizesAtTheEnd() throws IOException {
        Path file = directory.resolve("blocks.wav");
        float[][] block = {new float[100], new float[100]};
        try (WavWriter writer = WavWriter.create(file, 48_000, 2, SampleFormat.FLOAT32)) {
            for (int i = 0; i < 7; i++) {
                Arrays.fill(block[0], i / 10f);
                Arrays.fill(block[1], -i / 10f);
                writer.write(block, i == 6 ? 33 : 100);
            }
            assertThat(file).as("nothing at the target before finish").doesNotExist();
            writer.finish();
        }

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long frames = 6 * 100 + 33;
        assertThat(Files.size(file)).isEqualTo(58 + frames * 8);
        assertThat(header.getInt(4)).isEqualTo((int) (Files.size(file) - 8));
        assertThat(ascii(header, 38)).isEqualTo("fact");
        assertThat(header.getInt(46)).as("fact: frames").isEqualTo((int) frames);
        assertThat(ascii(header, 50)).isEqualTo("data");
        assertThat(header.getInt(54)).isEqualTo((int) (frames * 8));
        WavAudio read = WavReader.read(file);
        assertThat(read.frames()).isEqualTo(frames);
        assertThat(read.channels()[0][599]).isEqualTo(0.5f);
        assertThat(read.channels()[1][600]).isEqualTo(-0.6f);
        assertOnly(file);
    }

    @Test
    void padsAnOddDataChunkAndCountsThePadInTheRiffLength() throws IOException {
        Path file = WavFiles.write(directory.resolve("odd.wav"),
                new WavAudio(48_000, new float[][] {ramp(3, 0.5f)}, SampleFormat.PCM24));

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(40)).as("data: 9 bytes").isEqualTo(9);
        assertThat(Files.size(file)).isEqualTo(44 + 9 + 1);
        assertThat(header.getInt(4)).isEqualTo(36 + 9 + 1);
    }

    @Test
    void leavesNothingBehindWhenClosedBeforeFinishing() throws IOException {
        Path file = directory.resolve("abandoned.wav");
        try (WavWriter writer = WavWriter.create(file, 48_000, 2, SampleFormat.PCM16)) {
            writer.write(new float[][] {ramp(4800, 0.5f), ramp(4800, 0.5f)}, 4800);
            assertThat(directory).isNotEmptyDirectory();
        }

        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void leavesNoTemporaryFileBehindWhenTheFinishedFileCannotBeMovedIntoPlace() throws IOException {
        Path target = Files.createDirectories(directory.resolve("sub/out.wav"));
        Files.writeString(target.resolve("blocker"), "a directory that is not empty cannot be replaced");

        try (WavWriter writer = WavWriter.create(target, 48_000, 1, SampleFormat.PCM16)) {
            writer.write(new float[][] {ramp(10, 0.5f)}, 10);
            assertThatThrownBy(writer::finish).isInstanceOf(IOException.class);
        }

        assertOnly(target);
    }

    @Test
    void keepsTheFileItReplacesUntilTheNewOneIsComplete() throws IOException {
        Path file = WavFiles.write(directory.resolve("golden.wav"),
                new WavAudio(48_000, new float[][] {ramp(10, 0.5f)}, SampleFormat.PCM16));
        byte[] before = Files.readAllBytes(file);

        try (WavWriter writer = WavWriter.create(file, 48_000, 1, SampleFormat.PCM16)) {
            writer.write(new float[][] {ramp(20, 0.9f)}, 20);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertOnly(file);
    }

    private void assertOnly(Path file) throws IOException {
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    private static float[] ramp(int length, float peak) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = peak * (float) Math.sin(i * 0.05);
        }
        return samples;
    }

    private static String ascii(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        buffer.get(at, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] header(int tag, int channels, int rate, int bits, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        out.put("data".getBytes()).putInt(data.length).put(data);
        return out.array();
    }
}
