package dev.wavecraft.devserver.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

        WavWriter.write(file, new WavAudio(44_100, channels, format));
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

        WavWriter.write(file, new WavAudio(48_000, new float[][] {ramp(3, 0.5f)}, SampleFormat.PCM24));

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

        WavWriter.write(pcm, new WavAudio(48_000, hot, SampleFormat.PCM16));
        WavWriter.write(floats, new WavAudio(48_000, hot, SampleFormat.FLOAT32));

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
    void leavesNoFileBehindWhenWritingFails() throws IOException {
        Path target = directory.resolve("sub/out.wav");
        float[][] unequal = {new float[4], new float[4]};
        WavAudio audio = new WavAudio(48_000, unequal, SampleFormat.PCM16);
        Files.createDirectories(target.getParent());
        Files.createDirectory(target);

        assertThatThrownBy(() -> WavWriter.write(target, audio)).isInstanceOf(IOException.class);

        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left).containsExactly(target);
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
