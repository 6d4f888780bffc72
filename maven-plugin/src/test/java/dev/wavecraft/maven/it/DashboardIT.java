package dev.wavecraft.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * The browser side of the whole loop: a real {@code wavecraft:run} on a copy of the example, a
 * real headless Chromium on its dashboard and on the project's own UI folder, and edits on disk.
 * One run serves the class and each test has a browser of its own; neither test needs what the
 * other did (one edits the processor and puts it back, the other edits only the UI folder), so
 * either runs alone, and in any order.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    private static final String STYLE = "src/main/ui/style.css";
    private static final String PAGE = "src/main/ui/index.html";

    @RegisterExtension
    static final WavecraftRunExtension RUN = WavecraftRunExtension.onTheExample().preparedBy(project -> {
        project.write(STYLE, "h1 { color: rgb(255, 0, 0); }");
        project.write(PAGE, page("My plugin"));
    });

    @Test
    void aRealCompileErrorShowsTheOverlayWithFileAndLineAndTheNextGoodSaveClearsIt(HeadlessChromium browser) {
        browser.open("http://127.0.0.1:" + RUN.port() + "/");
        browser.await("the parameters", d -> d.findElement(By.cssSelector("[data-param-id=gain]")));
        String good = RUN.project().read(ExampleCopy.PROCESSOR);

        RUN.project().write(ExampleCopy.PROCESSOR, good.replace("public List<Parameter> parameters() {",
                "public List<Parameter> parameters() { int broken = ;"));

        WebElement overlay = browser.await("the overlay", BUILD_WAIT,
                d -> d.findElement(By.id("overlay")).isDisplayed() ? d.findElement(By.id("overlay")) : null);
        WebElement diagnostic = overlay.findElement(By.cssSelector(".diagnostic"));
        assertThat(diagnostic.findElement(By.cssSelector("[data-role=location]")).getText())
                .startsWith(ExampleCopy.PROCESSOR + ":");
        assertThat(diagnostic.findElement(By.cssSelector("[data-role=message]")).getText())
                .contains("illegal start of expression");
        assertThat(diagnostic.findElement(By.cssSelector("[data-role=frame]")).getText()).contains("int broken = ;");

        RUN.project().write(ExampleCopy.PROCESSOR, good);

        browser.await("the overlay to clear itself", BUILD_WAIT, d -> !d.findElement(By.id("overlay")).isDisplayed());
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void aChangedStylesheetOfTheUiFolderIsSwappedInPlaceAndAChangedPageReloads(HeadlessChromium browser) {
        browser.open("http://127.0.0.1:" + RUN.port() + "/ui/");
        browser.await("the page's client to connect", d -> "connected".equals(
                browser.script("return window.client && window.client.state")));
        assertThat(headingColour(browser)).isEqualTo("rgb(255, 0, 0)");
        browser.script("window.notReloaded = true");
        int outputBefore = RUN.maven().output().length();

        RUN.project().write(STYLE, "h1 { color: rgb(0, 0, 255); }");

        browser.await("the new colour", BUILD_WAIT, d -> headingColour(browser).equals("rgb(0, 0, 255)"));
        assertThat(browser.script("return window.notReloaded")).isEqualTo(true);

        RUN.project().write(PAGE, page("My plugin, edited"));

        browser.await("the page to reload with its new text", BUILD_WAIT,
                d -> "My plugin, edited".equals(inPage(browser, "return document.querySelector('h1')?.textContent")));
        assertThat(browser.script("return window.notReloaded")).isNull();
        RUN.maven().awaitLine("UI changed: " + STYLE, BUILD_WAIT);
        assertThat(RUN.maven().output().substring(outputBefore)).contains("UI changed: " + STYLE)
                .doesNotContain("Rebuilding...");
    }

    private static String headingColour(HeadlessChromium browser) {
        return String.valueOf(inPage(browser, "return getComputedStyle(document.querySelector('h1')).color"));
    }

    /** A value read from the page, or null while it is being replaced by a reload. */
    private static Object inPage(HeadlessChromium browser, String script) {
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
