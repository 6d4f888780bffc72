package dev.wavecraft.devserver.testing;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Path;

/** WAV files for tests to read: written whole through the streaming writer the renderer uses. */
public final class WavFiles {

    private WavFiles() {
    }

    public static Path write(Path file, WavAudio audio) throws IOException {
        try (WavWriter writer = WavWriter.create(file, audio.sampleRate(), audio.channelCount(), audio.format())) {
            writer.write(audio.channels(), audio.frames());
            writer.finish();
        }
        return file;
    }
}
