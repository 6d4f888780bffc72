package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class InotifyLimitsTest {

    @Test
    void namesMaxUserWatchesWhenTheWatchesRunOut() {
        assertThat(InotifyLimits.warningFor(new IOException("User limit of inotify watches reached"), "Polling."))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("sudo sysctl fs.inotify.max_user_watches=").contains("Polling.")
                        .doesNotContain("max_user_instances"));
    }

    @Test
    void namesMaxUserInstancesWhenTheInstancesRunOut() {
        IOException e = new IOException("User limit of inotify instances reached or too many open files");

        assertThat(InotifyLimits.warningFor(e, "Polling."))
                .hasValueSatisfying(warning -> assertThat(warning).contains("sudo sysctl fs.inotify.max_user_instances="));
    }

    @Test
    void isNoLimitForOtherFailures() {
        assertThat(InotifyLimits.warningFor(new IOException("Permission denied"), "Polling.")).isEmpty();
        assertThat(InotifyLimits.warningFor(new IOException(), "Polling.")).isEmpty();
    }
}
