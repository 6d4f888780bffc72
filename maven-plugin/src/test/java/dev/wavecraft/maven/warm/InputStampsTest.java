package dev.wavecraft.maven.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputStampsTest {

    private static final FileTime RECORDED = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path directory;

    @Test
    void findsNoChangeWhileEveryFileIsAsRecorded() throws Exception {
        Path pom = written("pom.xml", "<project/>");
        Path missing = directory.resolve(".mvn/extensions.xml");

        InputStamps stamps = InputStamps.of(List.of(pom, missing));

        assertThat(stamps.firstChanged()).isEmpty();
    }

    @Test
    void findsAFileRewrittenWithTheSameSizeByItsModificationTime() throws Exception {
        Path pom = written("pom.xml", "<a/>");
        InputStamps stamps = InputStamps.of(List.of(pom));

        Files.writeString(pom, "<b/>");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(RECORDED.toMillis() + 1));

        assertThat(stamps.firstChanged()).contains(pom);
    }

    @Test
    void findsAFileWhoseSizeChangedThoughItsTimeDidNot() throws Exception {
        Path settings = written("settings.xml", "<settings/>");
        InputStamps stamps = InputStamps.of(List.of(settings));

        Files.writeString(settings, "<settings><offline>true</offline></settings>");
        Files.setLastModifiedTime(settings, RECORDED);

        assertThat(stamps.firstChanged()).contains(settings);
    }

    @Test
    void findsAFileThatAppearedOrVanished() throws Exception {
        Path extensions = directory.resolve("extensions.xml");
        Path jar = written("plugin.jar", "classes");
        InputStamps appeared = InputStamps.of(List.of(extensions));
        InputStamps vanished = InputStamps.of(List.of(jar));

        written("extensions.xml", "<extensions/>");
        Files.delete(jar);

        assertThat(appeared.firstChanged()).contains(extensions);
        assertThat(vanished.firstChanged()).contains(jar);
    }

    @Test
    void tellsWhichFilesWereModifiedAfterAGivenTime() throws Exception {
        Path old = written("old.xml", "<old/>");
        Path recent = written("recent.xml", "<recent/>");
        Files.setLastModifiedTime(recent, FileTime.fromMillis(RECORDED.toMillis() + 5_000));

        InputStamps stamps = InputStamps.of(List.of(old, recent));

        assertThat(stamps.firstModifiedAfter(FileTime.fromMillis(RECORDED.toMillis() + 1_000))).contains(recent);
        assertThat(stamps.firstModifiedAfter(FileTime.fromMillis(RECORDED.toMillis() + 9_000))).isEmpty();
    }

    /** A file with the recorded modification time, so a later change of time is a known step. */
    private Path written(String name, String content) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, RECORDED);
        return file;
    }
}
