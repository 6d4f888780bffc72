package dev.wavecraft.maven.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {

    private static final String SECRET = "c2VjcmV0LXRoYXQtbXVzdC1ub3QtbGVhaw";

    @TempDir
    Path directory;

    private Process sleeper;

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void recordsTheServerWithoutItsSecretAndKeepsTheSecretOwnerOnly() throws IOException {
        StateFiles files = new StateFiles(directory.resolve("devserver.json"), directory.resolve("control.secret"));
        ServerState state = new ServerState("start", 4242, Instant.parse("2026-11-21T10:15:30.120Z"), 9000,
                "http://127.0.0.1:9000/", "127.0.0.1:40123");

        files.write(state, SECRET);

        assertThat(files.read()).contains(state);
        assertThat(files.secret()).contains(SECRET);
        assertThat(Files.readString(files.stateFile())).contains("\"pid\": 4242", "\"control\": \"127.0.0.1:40123\"")
                .doesNotContain(SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("control.secret"))))
                .isEqualTo("rw-------");
        assertThat(state.controlPort()).isEqualTo(40123);
    }

    @Test
    void writesTheSecretOnlyIntoItsDirectoryLeavingNoStagedCopies() throws IOException {
        Path target = Files.createDirectories(directory.resolve("target"));
        Path work = target.resolve("wavecraft");
        StateFiles files = new StateFiles(work.resolve("devserver.json"), work.resolve("control.secret"));
        ServerState state = new ServerState("run", 4242, null, 9000, "http://127.0.0.1:9000/", "127.0.0.1:40123");

        files.write(state, SECRET);
        files.write(state, SECRET + "-next-run");

        try (Stream<Path> all = Files.walk(directory)) {
            assertThat(all.filter(Files::isRegularFile).map(directory::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("target/wavecraft/devserver.json", "target/wavecraft/control.secret");
        }
        assertThat(files.secret()).contains(SECRET + "-next-run");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("control.secret"))))
                .isEqualTo("rw-------");

        files.delete();

        try (Stream<Path> all = Files.walk(directory)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aMissingOrBrokenStateFileReadsAsNoServer() throws IOException {
        StateFiles files = new StateFiles(directory.resolve("devserver.json"), directory.resolve("control.secret"));
        assertThat(files.read()).isEmpty();

        Files.writeString(files.stateFile(), "{ not json");

        assertThat(files.read()).isEmpty();
    }

    @Test
    void aLiveProcessCountsOnlyWithTheStartInstantItWasRecordedWith() throws IOException {
        sleeper = new ProcessBuilder("sleep", "60").start();
        ProcessHandle handle = sleeper.toHandle();
        ServerState recorded = ServerState.of("start", handle, 9000, "http://127.0.0.1:9000/", 1);
        ServerState reusedPid = new ServerState("start", handle.pid(), recorded.startedAt().minusSeconds(3600), 9000,
                "http://127.0.0.1:9000/", "127.0.0.1:1");

        assertThat(recorded.liveProcess()).map(ProcessHandle::pid).contains(handle.pid());
        assertThat(reusedPid.liveProcess()).isEmpty();
    }
}
