package dev.wavecraft.devserver.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Whether browser tests run, skip or fail, with the environment and the file system injected. */
class HeadlessChromiumTest {

    @Test
    void failsRatherThanSkipsWithoutABrowserUnderCi() {
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(Map.of("CI", "true"), path -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(HeadlessChromium.CHROMIUM.toString())
                .hasMessageContaining(HeadlessChromium.CHROMEDRIVER.toString())
                .hasMessageContaining("chromium-driver");
    }

    @Test
    void skipsWithoutABrowserElsewhere() {
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(Map.of(), path -> false))
                .isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> HeadlessChromium.requireBrowser(Map.of("CI", "false"),
                path -> !path.equals(HeadlessChromium.CHROMEDRIVER)))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(HeadlessChromium.CHROMEDRIVER.toString());
    }

    @Test
    void goesOnWhenChromiumAndItsDriverAreThere() {
        assertThatCode(() -> HeadlessChromium.requireBrowser(Map.of("CI", "true"), path -> true)).doesNotThrowAnyException();
    }
}
