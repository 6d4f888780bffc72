package dev.wavecraft.devserver.render;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.audio.wav.WavWriter;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.GoldenReference;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A finished render checked against its golden file: it matches when the peak of the difference
 * stays at or below the tolerance. When it does not, the difference is written beside the render
 * ({@code render-diff.wav} for {@code render.wav}, 32-bit float) for listening, and the render
 * fails naming the first moment over the tolerance and the peak. With {@code update}, the render
 * replaces the golden file instead.
 */
final class ReferenceCheck {

    /** How many frames {@link #writeDifference} hands the writer at a time. */
    private static final int BLOCK = 4096;

    private ReferenceCheck() {
    }

    /**
     * @param output the render, complete on disk
     * @return what the check found, for the render's summary
     * @throws RenderException when the render differs, or the reference cannot be read or written
     */
    static String check(Path output, GoldenReference reference) throws RenderException {
        Path difference = differenceFile(output);
        try {
            Files.deleteIfExists(difference); // one from an earlier render would describe another render
            if (reference.update()) {
                return update(output, reference.file());
            }
            if (!Files.exists(reference.file())) {
                throw new RenderException("The reference " + reference.file() + " does not exist. Run with"
                        + " -Dwavecraft.updateReference=true to make this render the reference.");
            }
            WavAudio rendered = WavReader.read(output);
            WavAudio golden = WavReader.read(reference.file());
            String mismatch = AudioDifference.mismatch(rendered, golden);
            if (mismatch != null) {
                throw new RenderException("The render cannot match the reference " + reference.file() + ": " + mismatch
                        + ". Render with the reference's settings, or run with -Dwavecraft.updateReference=true to"
                        + " replace it.");
            }
            AudioDifference found = AudioDifference.between(rendered, golden,
                    AudioDifference.amplitude(reference.toleranceDb()));
            if (found.firstOver() < 0) {
                return String.format(Locale.ROOT, "Matches the reference %s: peak difference %s (tolerance %.1f dBFS)",
                        reference.file(), level(found.peak()), reference.toleranceDb());
            }
            writeDifference(found, difference);
            throw new RenderException(String.format(Locale.ROOT, "The render differs from the reference %s: the"
                    + " difference exceeds the tolerance of %.1f dBFS from %.6f s on (frame %d), with a peak of %s"
                    + " (RMS %s). The difference is in %s. Listen to it; if the change is intended, run with"
                    + " -Dwavecraft.updateReference=true to replace the reference.", reference.file(),
                    reference.toleranceDb(), found.firstOver() / (double) found.sampleRate(), found.firstOver(),
                    level(found.peak()), level(found.rms()), difference));
        } catch (IOException e) {
            throw new RenderException("Cannot compare the render with the reference " + reference.file() + ": "
                    + FailureText.of(e) + ". Check that it is a WAV file this project can read (16- or 24-bit PCM or"
                    + " 32-bit float, mono or stereo).", e);
        }
    }

    /** Where the difference from the reference goes: beside {@code output}, named after it. */
    static Path differenceFile(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-diff.wav");
    }

    private static String update(Path output, Path file) throws IOException {
        boolean existed = Files.exists(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.copy(output, file, StandardCopyOption.REPLACE_EXISTING);
        return (existed ? "Replaced the reference " : "Created the reference ") + file + " with this render";
    }

    private static void writeDifference(AudioDifference found, Path file) throws IOException {
        float[][] samples = found.samples();
        int frames = samples[0].length;
        try (WavWriter writer = WavWriter.create(file, found.sampleRate(), samples.length, SampleFormat.FLOAT32)) {
            float[][] block = new float[samples.length][BLOCK];
            for (int start = 0; start < frames; start += BLOCK) {
                int count = Math.min(BLOCK, frames - start);
                for (int channel = 0; channel < samples.length; channel++) {
                    System.arraycopy(samples[channel], start, block[channel], 0, count);
                }
                writer.write(block, count);
            }
            writer.finish();
        }
    }

    private static String level(double amplitude) {
        return amplitude == 0 ? "-inf dBFS (identical)" : String.format(Locale.ROOT, "%.1f dBFS",
                AudioDifference.dbfs(amplitude));
    }
}
