package dev.wavecraft.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * The browser side of the whole loop: a real {@code wavecraft:run} on a copy of the example, a
 * real headless Chromium on its dashboard and on the project's own UI folder, and edits on disk.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    private static final String STYLE = "src/main/ui/style.css";

    @TempDir
    static Path directory;

    private static ExampleCopy project;
    private static BackgroundMaven maven;
    private static int port;
    private HeadlessChromium browser;

    @BeforeAll
    static void startWavecraftRun() throws Exception {
        project = ExampleCopy.of(directory.resolve("project"));
        project.write(STYLE, "h1 { color: rgb(255, 0, 0); }");
        project.write("src/main/ui/index.html", page("My plugin"));
        maven = BackgroundMaven.start(project.root(), "wavecraft:run", "-Dwavecraft.port=0");
        port = maven.awaitWatching(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopWavecraftRun() {
        if (maven != null) {
            maven.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aRealCompileErrorShowsTheOverlayWithFileAndLineAndTheNextGoodSaveClearsIt() {
        browser = HeadlessChromium.start(directory.resolve("profile-1")).open("http://127.0.0.1:" + port + "/");
        browser.await("the parameters", d -> d.findElement(By.cssSelector("[data-param-id=gain]")));
        String good = project.read(ExampleCopy.PROCESSOR);

        project.write(ExampleCopy.PROCESSOR, good.replace("public List<Parameter> parameters() {",
                "public List<Parameter> parameters() { int broken = ;"));

        WebElement overlay = browser.await("the overlay", BUILD_WAIT,
                d -> d.findElement(By.id("overlay")).isDisplayed() ? d.findElement(By.id("overlay")) : null);
        WebElement diagnostic = overlay.findElement(By.cssSelector(".diagnostic"));
        assertThat(diagnostic.findElement(By.cssSelector("[data-role=location]")).getText())
                .startsWith(ExampleCopy.PROCESSOR + ":");
        assertThat(diagnostic.findElement(By.cssSelector("[data-role=message]")).getText())
                .contains("illegal start of expression");
        assertThat(diagnostic.findElement(By.cssSelector("[data-role=frame]")).getText()).contains("int broken = ;");

        project.write(ExampleCopy.PROCESSOR, good);

        browser.await("the overlay to clear itself", BUILD_WAIT, d -> !d.findElement(By.id("overlay")).isDisplayed());
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(2)
    void aChangedStylesheetOfTheUiFolderIsSwappedInPlaceAndAChangedPageReloads() throws Exception {
        browser = HeadlessChromium.start(directory.resolve("profile-2")).open("http://127.0.0.1:" + port + "/ui/");
        browser.await("the page's client to connect", d -> "connected".equals(
                browser.script("return window.client && window.client.state")));
        assertThat(headingColour()).isEqualTo("rgb(255, 0, 0)");
        browser.script("window.notReloaded = true");
        int outputBefore = maven.output().length();

        project.write(STYLE, "h1 { color: rgb(0, 0, 255); }");

        browser.await("the new colour", BUILD_WAIT, d -> headingColour().equals("rgb(0, 0, 255)"));
        assertThat(browser.script("return window.notReloaded")).isEqualTo(true);

        project.write("src/main/ui/index.html", page("My plugin, edited"));

        browser.await("the page to reload with its new text", BUILD_WAIT,
                d -> "My plugin, edited".equals(inPage("return document.querySelector('h1')?.textContent")));
        assertThat(browser.script("return window.notReloaded")).isNull();
        assertThat(maven.output().substring(outputBefore)).contains("UI changed: " + STYLE).doesNotContain("Rebuilding...");
    }

    private String headingColour() {
        return String.valueOf(inPage("return getComputedStyle(document.querySelector('h1')).color"));
    }

    /** A value read from the page, or null while it is being replaced by a reload. */
    private Object inPage(String script) {
        try {
            return browser.script(script);
        } catch (WebDriverException navigating) {
            return null;
        }
    }

    private static String page(String title) {
        return String.join("\n", List.of(
                "<!doctype html>",
                "<html><head><meta charset=\"utf-8\"><title>" + title + "</title>",
                "<link rel=\"stylesheet\" href=\"style.css\"></head>",
                "<body><h1>" + title + "</h1>",
                "<script type=\"module\">",
                "  import { connect } from '/wavecraft/client.js';",
                "  window.client = connect();",
                "</script></body></html>"));
    }
}
