package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path temp;

    private final List<String> warnings = new ArrayList<>();
    private final Snapshot snapshot = new Snapshot(warnings::add);

    @Test
    void tellsAddedModifiedDeletedAndMerelyTouchedFilesApart() throws Exception {
        Path kept = Files.writeString(temp.resolve("Kept.java"), "kept");
        Path modified = Files.writeString(temp.resolve("Modified.java"), "before");
        Path deleted = Files.writeString(temp.resolve("Deleted.java"), "gone soon");
        Path touched = Files.writeString(temp.resolve("Touched.java"), "same");
        record(kept, modified, deleted, touched);

        Files.writeString(modified, "after!");
        Files.delete(deleted);
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now().plusSeconds(30)));
        Path added = Files.writeString(temp.resolve("Added.java"), "new");
        Snapshot.Comparison comparison = snapshot.compare(Set.of(kept, modified, deleted, touched, added), path -> false);

        assertThat(comparison.changed()).containsExactlyInAnyOrder(modified, added);
        assertThat(comparison.deleted()).containsExactly(deleted);
        assertThat(comparison.touched()).containsExactly(touched);
        assertThat(comparison.hasChanges()).isTrue();
    }

    @Test
    void anEditUndoneIsNoChange() throws Exception {
        Path gain = Files.writeString(temp.resolve("Gain.java"), "class Gain {}");
        record(gain);

        Files.writeString(gain, "class Gain { oops }");
        Files.writeString(gain, "class Gain {}");

        assertThat(snapshot.compare(Set.of(gain), path -> false).hasChanges()).isFalse();
    }

    @Test
    void hashesARecentlyWrittenFileAgainEvenWhenSizeAndTimeAreUnchanged() throws Exception {
        Path gain = Files.writeString(temp.resolve("Gain.java"), "gain = 1");
        FileTime sameTick = Files.getLastModifiedTime(gain);
        record(gain);

        Files.writeString(gain, "gain = 2"); // a second write within one timestamp tick
        Files.setLastModifiedTime(gain, sameTick);

        assertThat(snapshot.compare(Set.of(gain), path -> true).changed()).containsExactly(gain);
    }

    @Test
    void trustsTheMetadataOfASettledFileOnlyWhereAllowed() throws Exception {
        Path sample = Files.writeString(temp.resolve("sample.wav"), "RIFF 1");
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3_600));
        Files.setLastModifiedTime(sample, anHourAgo);
        record(sample);

        Files.writeString(sample, "RIFF 2");
        Files.setLastModifiedTime(sample, anHourAgo);

        assertThat(snapshot.compare(Set.of(sample), path -> true).hasChanges()).isFalse();
        assertThat(snapshot.compare(Set.of(sample), path -> false).changed()).containsExactly(sample);
    }

    @Test
    void findsRecordedFilesUnderADirectoryThatIsGone() throws Exception {
        Path dsp = temp.resolve("dsp");
        Path filter = Files.writeString(Files.createDirectories(dsp).resolve("Filter.java"), "filter");
        Path other = Files.writeString(temp.resolve("dsp-notes.txt"), "not under dsp");
        record(filter, other);

        assertThat(snapshot.hasAnyUnder(dsp)).isTrue();
        assertThat(snapshot.pathsUnder(dsp)).containsExactly(filter);
        assertThat(snapshot.hasAnyUnder(temp.resolve("elsewhere"))).isFalse();
    }

    private void record(Path... files) throws Exception {
        snapshot.apply(snapshot.compare(Set.of(files), path -> false));
    }
}
