package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The parameters panel in a real headless Chromium against a real dev server. */
class DashboardParametersTest {

    @TempDir
    Path project;
    @TempDir
    Path profiles;

    private SynthServer server;
    private final List<HeadlessChromium> browsers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = SynthServer.start(project);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (HeadlessChromium browser : browsers) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void rendersEachKindOfParameterWithItsNameValueAndUnitInItsGroup() {
        server.rpc().call("setParameter", valueParams("gain", -6.5));
        HeadlessChromium page = open();

        WebElement cutoff = row(page, "cutoff");
        assertThat(cutoff.findElement(By.tagName("label")).getText()).isEqualTo("Cutoff");
        assertThat(cutoff.findElement(By.cssSelector("[data-role=value]")).getText()).isEqualTo("1000");
        assertThat(cutoff.findElement(By.cssSelector("[data-role=unit]")).getText()).isEqualTo("Hz");
        assertThat(cutoff.findElement(By.cssSelector("[data-role=control]")).getAttribute("type")).isEqualTo("range");

        WebElement gain = row(page, "gain");
        assertThat(gain.findElement(By.cssSelector("[data-role=value]")).getText()).isEqualTo("-6.50");
        assertThat(gain.findElement(By.cssSelector("[data-role=unit]")).getText()).isEqualTo("dB");
        assertThat(row(page, "resonance").findElements(By.cssSelector("[data-role=unit]"))).isEmpty();

        WebElement bypass = row(page, "bypass");
        assertThat(bypass.findElement(By.tagName("label")).getText()).isEqualTo("Bypass");
        WebElement toggle = bypass.findElement(By.cssSelector("[data-role=control]"));
        assertThat(toggle.getAttribute("type")).isEqualTo("checkbox");
        assertThat(toggle.isSelected()).isFalse();
        assertThat(bypass.findElement(By.cssSelector("[data-role=value]")).getText()).isEqualTo("Off");

        WebElement wave = row(page, "wave");
        assertThat(wave.findElement(By.tagName("label")).getText()).isEqualTo("Waveform");
        Select variants = new Select(wave.findElement(By.cssSelector("[data-role=control]")));
        assertThat(variants.getOptions()).extracting(WebElement::getText).containsExactly("Sine", "Saw", "Square");
        assertThat(variants.getFirstSelectedOption().getText()).isEqualTo("Sine");

        assertThat(page.driver().findElements(By.cssSelector(".group-title"))).extracting(WebElement::getText)
                .containsExactly("Filter", "Oscillator", "Output");
        assertThat(page.driver().findElement(By.id("param-count")).getText()).isEqualTo("5 parameters");
        // Every control has a label the browser associates with it.
        for (WebElement control : page.driver().findElements(By.cssSelector("[data-role=control]"))) {
            assertThat(page.script("return arguments[0].labels.length", control)).isEqualTo(1L);
        }
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void keyboardSendsSetParameterAndASecondTabFollows() {
        HeadlessChromium first = open();
        HeadlessChromium second = open();

        WebElement slider = control(first, "gain");
        slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT); // 1% of 72 dB each

        first.await("the server to hold 2.16 dB", d -> server.rpc().valueOf("gain") == 2.16);
        second.await("the second tab to show 2.16", d -> valueText(second, "gain").equals("2.16"));
        assertThat(valueText(first, "gain")).isEqualTo("2.16");

        // Enter toggles a switch; the select follows the keyboard too.
        control(second, "bypass").sendKeys(Keys.ENTER);
        first.await("the first tab to show Bypass on", d -> valueText(first, "bypass").equals("On"));
        assertThat(control(first, "bypass").isSelected()).isTrue();
        assertThat(server.rpc().valueOf("bypass")).isEqualTo(1);

        new Select(control(first, "wave")).selectByVisibleText("Square");
        second.await("the second tab to show Square",
                d -> new Select(control(second, "wave")).getFirstSelectedOption().getText().equals("Square"));
        assertThat(server.rpc().valueOf("wave")).isEqualTo(2);

        // Enter on a slider opens its number for typing; Enter sets it.
        control(first, "cutoff").sendKeys(Keys.ENTER);
        WebElement typed = row(first, "cutoff").findElement(By.cssSelector("[data-role=value-input]"));
        first.await("the value editor", d -> typed.isDisplayed());
        typed.sendKeys(Keys.chord(Keys.CONTROL, "a"), "440", Keys.ENTER);
        second.await("the second tab to show 440 Hz", d -> valueText(second, "cutoff").equals("440"));
        assertThat(server.rpc().valueOf("cutoff")).isEqualTo(440);

        // A double-click resets to the default, everywhere.
        new Actions(second.driver()).doubleClick(row(second, "gain").findElement(By.tagName("label"))).perform();
        first.await("the first tab to show the default again", d -> valueText(first, "gain").equals("0.00"));
        assertThat(server.rpc().valueOf("gain")).isZero();
        assertThat(first.severeConsoleMessages()).isEmpty();
        assertThat(second.severeConsoleMessages()).isEmpty();
    }

    @Test
    void aDraggedSliderIsNotTakenAwayByAChangeFromElsewhere() {
        HeadlessChromium page = open();
        WebElement slider = control(page, "gain");
        int width = slider.getSize().getWidth();
        Actions mouse = new Actions(page.driver());

        // Grab the thumb in the middle-ish of the track and drag right; keep holding.
        mouse.moveToElement(slider).clickAndHold().moveByOffset(width / 8, 0).perform();
        page.await("the drag to reach the server", d -> {
            double held = server.rpc().valueOf("gain");
            return held != 0 && held == ((Number) page.script("return Number(arguments[0].value)", slider)).doubleValue();
        });
        String dragged = slider.getAttribute("value");

        server.rpc().call("setParameter", valueParams("gain", -30));

        page.await("the page to hold the other tab's value back",
                d -> "-30".equals(row(page, "gain").getAttribute("data-held-value")));
        assertThat(control(page, "gain").getAttribute("value")).isEqualTo(dragged);

        // Letting go without moving on: the value from elsewhere is the server's, so the page shows it.
        mouse.release().perform();
        page.await("the page to show -30.00 after the drag", d -> valueText(page, "gain").equals("-30.00"));
        assertThat(row(page, "gain").getAttribute("data-held-value")).isNull();
        assertThat(server.rpc().valueOf("gain")).isEqualTo(-30);
    }

    @Test
    void reRendersTheListAfterAReloadWithoutReloadingThePageAndKeepsTheValues() throws Exception {
        HeadlessChromium page = open();
        control(page, "gain").sendKeys(Keys.PAGE_DOWN); // -7.2 dB
        page.await("the server to hold -7.2", d -> server.rpc().valueOf("gain") == -7.2);
        page.script("window.loadedOnce = 'still here'");

        server.compile("FloatParameter.of(\"drive\", \"Drive\", 0, 24, 6).withUnit(\"dB\").withGroup(\"Tone\"),");
        assertThat(server.reload().ok()).isTrue();

        WebElement drive = row(page, "drive");
        assertThat(drive.findElement(By.tagName("label")).getText()).isEqualTo("Drive");
        assertThat(drive.findElement(By.cssSelector("[data-role=value]")).getText()).isEqualTo("6.00");
        assertThat(page.script("return window.loadedOnce")).isEqualTo("still here");
        assertThat(valueText(page, "gain")).isEqualTo("-7.20");
        assertThat(page.driver().findElement(By.id("param-count")).getText()).isEqualTo("6 parameters");
        assertThat(page.driver().findElements(By.cssSelector(".group-title"))).extracting(WebElement::getText)
                .containsExactly("Tone", "Filter", "Oscillator", "Output");
        assertThat(drive.getAttribute("class")).contains("is-new");

        server.compile("");
        assertThat(server.reload().ok()).isTrue();
        page.await("drive to go away", d -> d.findElements(By.cssSelector("[data-param-id=drive]")).isEmpty());
        assertThat(page.script("return window.loadedOnce")).isEqualTo("still here");
        assertThat(valueText(page, "gain")).isEqualTo("-7.20");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void showsTheConnectionStateReconnectsByItselfAndFetchesEverythingAgain() throws Exception {
        HeadlessChromium page = open();
        page.script("window.loadedOnce = 'still here'");
        int port = server.port();

        server.close();
        page.await("the page to notice", d -> List.of("reconnecting", "offline").contains(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
        assertThat(control(page, "gain").isEnabled()).as("a paused control").isFalse();
        assertThat(page.driver().findElement(By.id("connection-state")).getText()).isIn("Reconnecting…", "Offline");

        // The same project, edited meanwhile, on the same port: a restarted wavecraft:run.
        server.compile("FloatParameter.of(\"drive\", \"Drive\", 0, 24, 6).withUnit(\"dB\").withGroup(\"Tone\"),");
        server = SynthServer.start(project, port);
        server.rpc().call("setParameter", valueParams("gain", -9));

        page.await("the page to reconnect", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
        row(page, "drive");
        page.await("the fresh values", d -> valueText(page, "gain").equals("-9.00"));
        assertThat(control(page, "gain").isEnabled()).isTrue();
        assertThat(page.script("return window.loadedOnce")).isEqualTo("still here");
    }

    private HeadlessChromium open() {
        HeadlessChromium browser = HeadlessChromium.start(profiles.resolve("profile-" + browsers.size()));
        browsers.add(browser);
        browser.open(server.url());
        browser.await("the parameters", d -> d.findElements(By.cssSelector("[data-param-id]")).size() >= 5);
        browser.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
        return browser;
    }

    static WebElement row(HeadlessChromium page, String id) {
        return page.await("the row of " + id, d -> d.findElements(By.cssSelector("[data-param-id='" + id + "']"))
                .stream().findFirst().orElse(null));
    }

    static WebElement control(HeadlessChromium page, String id) {
        return row(page, id).findElement(By.cssSelector("[data-role=control]"));
    }

    static String valueText(HeadlessChromium page, String id) {
        return row(page, id).findElement(By.cssSelector("[data-role=value]")).getText();
    }
}
