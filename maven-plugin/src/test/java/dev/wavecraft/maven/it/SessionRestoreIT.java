package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.RpcTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two runs of {@code wavecraft:run} one after the other on the same project: a value set in the
 * first comes back in the second. The first Maven is killed (as closing a terminal would), so the
 * session must have been written while it ran, not on a clean shutdown.
 */
class SessionRestoreIT {

    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(10);
    private static final String[] ARGUMENTS = {"-Dwavecraft.audioDevice=false"};

    @RegisterExtension
    static final WavecraftRunExtension RUN = WavecraftRunExtension.onTheExample().withArguments(ARGUMENTS);

    @Test
    void restartingRunBringsBackAValueSetBefore() throws Exception {
        Path session = RUN.project().file("target/wavecraft/session.json");
        RUN.browser().call("setParameter", valueParams("gain", -9.5));
        RUN.browser().call("setParameter", valueParams("curve", 1));
        waitFor("the session written with the values", WRITTEN_WITHIN)
                .until(() -> Files.exists(session) && Files.readString(session).contains("\"gain\": -9.5"));
        RUN.maven().close();

        try (BackgroundMaven again = BackgroundMaven.start(RUN.project().root(), arguments());
                RpcTestClient browser = RpcTestClient.connect(again.awaitDevServerPort(WavecraftRun.STARTUP))) {
            assertThat(browser.valueOf("gain")).isEqualTo(-9.5);
            assertThat(browser.valueOf("curve")).isEqualTo(1);
            assertThat(again.output()).contains("Session restored from " + session, "4 values set as saved");
        }
    }

    private static String[] arguments() {
        String[] all = new String[ARGUMENTS.length + 2];
        all[0] = "wavecraft:run";
        all[1] = "-Dwavecraft.port=0";
        System.arraycopy(ARGUMENTS, 0, all, 2, ARGUMENTS.length);
        return all;
    }
}
