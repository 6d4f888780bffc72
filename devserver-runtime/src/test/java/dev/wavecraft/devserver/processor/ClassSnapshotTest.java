package dev.wavecraft.devserver.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSnapshotTest {

    @TempDir
    Path work;

    @Test
    void readsEveryDirectoryIntoOneSnapshot() throws Exception {
        Path app = write(work.resolve("app"), "demo/Tone.class", "tone");
        Path dsp = write(work.resolve("dsp"), "dsp/Filter.class", "filter");
        write(dsp, "dsp/coefficients.txt", "0.5");

        ClassSnapshot snapshot = ClassSnapshot.read(List.of(app, dsp));

        assertThat(snapshot.size()).isEqualTo(3);
        assertThat(text(snapshot, "demo/Tone.class")).isEqualTo("tone");
        assertThat(text(snapshot, "dsp/Filter.class")).isEqualTo("filter");
        assertThat(text(snapshot, "dsp/coefficients.txt")).isEqualTo("0.5");
        assertThat(snapshot.classNames()).containsExactly("demo.Tone", "dsp.Filter");
    }

    @Test
    void theEarlierDirectoryWinsOnAPathBothHold() throws Exception {
        Path app = write(work.resolve("app"), "shared/Tuning.class", "app's");
        Path dsp = write(work.resolve("dsp"), "shared/Tuning.class", "dsp's");

        assertThat(text(ClassSnapshot.read(List.of(app, dsp)), "shared/Tuning.class")).isEqualTo("app's");
        assertThat(text(ClassSnapshot.read(List.of(dsp, app)), "shared/Tuning.class")).isEqualTo("dsp's");
    }

    @Test
    void aDirectoryNotYetCompiledAddsNothing() throws Exception {
        Path app = write(work.resolve("app"), "demo/Tone.class", "tone");

        ClassSnapshot snapshot = ClassSnapshot.read(List.of(app, work.resolve("dsp/target/classes")));

        assertThat(snapshot.classNames()).containsExactly("demo.Tone");
    }

    private static Path write(Path directory, String path, String content) throws Exception {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return directory;
    }

    private static String text(ClassSnapshot snapshot, String path) {
        return new String(snapshot.get(path), StandardCharsets.UTF_8);
    }
}
