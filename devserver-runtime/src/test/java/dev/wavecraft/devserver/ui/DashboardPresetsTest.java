package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The presets bar of the dashboard in a real headless Chromium against a real dev server. */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardPresetsTest {

    @TempDir
    Path project;

    private SynthServer server;

    @BeforeEach
    void start() throws Exception {
        server = SynthServer.start(project);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void savesTheValuesAsAPresetLoadsItBackAndDeletesIt(HeadlessChromium page) {
        server.rpc().call("setParameter", valueParams("gain", -6.5));
        open(page);

        page.driver().findElement(By.id("preset-name")).sendKeys("Warm pad");
        page.driver().findElement(By.id("preset-save")).click();

        page.await("the saved preset listed", d -> options(page).contains("Warm pad"));
        assertThat(Files.exists(presets().resolve("Warm pad.json"))).isTrue();
        server.rpc().call("setParameter", valueParams("gain", 3));
        page.await("the changed value shown", d -> "3.00".equals(gainText(page)));

        page.driver().findElement(By.id("preset-load")).click();

        page.await("the preset's value shown", d -> "-6.50".equals(gainText(page)));
        assertThat(server.rpc().valueOf("gain")).isEqualTo(-6.5);
        assertThat(status(page)).startsWith("Loaded “Warm pad”: 5 values.");

        WebElement delete = page.driver().findElement(By.id("preset-delete"));
        delete.click();
        assertThat(delete.getText()).isEqualTo("Really delete?");
        assertThat(Files.exists(presets().resolve("Warm pad.json"))).as("not before the second click").isTrue();
        delete.click();

        page.await("the preset gone", d -> !options(page).contains("Warm pad"));
        assertThat(Files.exists(presets().resolve("Warm pad.json"))).isFalse();
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void saysWhichValuesOfAPresetNoLongerFitAndRefusesAnUnsafeName(HeadlessChromium page) throws Exception {
        Files.createDirectories(presets());
        Files.writeString(presets().resolve("Old.json"), "{ \"values\": { \"gain\": 40, \"width\": 2 } }");
        open(page);
        page.await("the preset listed", d -> options(page).contains("Old"));

        page.driver().findElement(By.id("preset-load")).click();

        page.await("the report", d -> status(page).startsWith("Loaded “Old”"));
        assertThat(status(page)).isEqualTo("Loaded “Old”: 1 value; clamped into range: gain; not in this processor:"
                + " width.");
        assertThat(page.driver().findElement(By.id("presets-status")).getAttribute("data-kind")).isEqualTo("warn");

        page.driver().findElement(By.id("preset-name")).sendKeys("../evil");
        page.driver().findElement(By.id("preset-save")).click();

        page.await("the name refused", d -> status(page).contains("Use letters, digits"));
        try (var files = Files.list(presets())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("Old.json");
        }
    }

    private void open(HeadlessChromium page) {
        page.open(server.url());
        page.await("the parameters", d -> d.findElements(By.cssSelector("[data-param-id]")).size() >= 5);
        page.await("the presets bar enabled", d -> d.findElement(By.id("preset-name")).isEnabled());
    }

    private Path presets() {
        return SynthServer.presetsDirectory(project);
    }

    private static List<String> options(HeadlessChromium page) {
        return new Select(page.driver().findElement(By.id("preset-list"))).getOptions().stream()
                .map(WebElement::getText).toList();
    }

    private static String gainText(HeadlessChromium page) {
        return page.driver().findElement(By.cssSelector("[data-param-id=gain] [data-role=value]")).getText();
    }

    private static String status(HeadlessChromium page) {
        return page.driver().findElement(By.id("presets-status")).getText();
    }
}
